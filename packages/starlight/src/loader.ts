import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';

type DataEntry = Parameters<LoaderContext['store']['set']>[0];

/**
 * The docs collection's loader for a site whose docs are the runbook tree (outside src/content/docs):
 * every Markdown and MDX file but those starting with `_`, as the verifier reads them.
 *
 * An MDX runbook whose text uses nothing of MDX's own is rendered as Markdown as it loads, as a
 * `.md` file is. Astro otherwise compiles every MDX file into a module of the site's bundle: at
 * 1,000 runbooks the bundler alone took more memory than the whole build may (NOTES.md, "Runbooks
 * without MDX of their own render as Markdown").
 */
export function runbooksLoader({ base = './runbooks' }: { base?: string } = {}): Loader {
  const files = glob({ base, pattern: '**/[^_]*.{md,mdx}' });
  return {
    name: 'almanac-runbooks',
    async load(context) {
      // Every change in the order the glob loader makes it (in `astro dev` its watcher goes on after
      // load), one at a time: rendering is the one thread's work, and all at once would hold every tree.
      let changes: Promise<unknown> = Promise.resolve();
      const queue = (change: () => unknown) =>
        void (changes = changes.then(change).catch((error: Error) => context.logger.error(error.message)));
      const store = Object.create(context.store, {
        set: {
          value: (entry: DataEntry) => {
            const { body } = entry;
            const plain = entry.deferredRender && isPlainMarkdown(body);
            queue(() => (plain ? renderAsMarkdown(context, entry, body) : context.store.set(entry)));
            return true;
          },
        },
        delete: { value: (id: string) => queue(() => context.store.delete(id)) },
      });
      // An entry cached as MDX by an earlier build (or an earlier version of this loader) is read again.
      for (const entry of context.store.values())
        if (entry.deferredRender && isPlainMarkdown(entry.body)) context.store.delete(entry.id);
      await files.load({ ...context, store });
      await changes;
    },
  };
}

/** An entry rendered as Markdown; one Markdown cannot render stays MDX, whose compiler then reports it with its place. */
async function renderAsMarkdown(context: LoaderContext, entry: DataEntry, body: string): Promise<void> {
  const fileURL = pathToFileURL(join(fileURLToPath(context.config.root), entry.filePath ?? ''));
  try {
    const rendered = await context.renderMarkdown(body, { fileURL });
    const { deferredRender: _deferred, ...rest } = entry;
    context.store.set({ ...rest, rendered, assetImports: rendered.metadata?.imagePaths });
  } catch (error) {
    context.logger.warn(`${entry.filePath}: rendered as MDX, as Markdown it failed: ${(error as Error).message}`);
    context.store.set(entry);
  }
}

/**
 * Whether an MDX body means the same as Markdown: no tag, expression or import (`<`, `{`, `}`
 * or a line starting `import`/`export`) outside fenced code, no line Markdown would read as
 * indented code and MDX as text, and no opening `---` that Markdown's renderer would take for
 * frontmatter. Only a fence at the start of a line counts as code, closed before the end: one
 * in a list or a quote ends with it, which is not worth following. Code spans are not: a line
 * with a brace in one stays MDX. Anything else stays MDX, which is always right, only heavier.
 */
export function isPlainMarkdown(body: string | undefined): body is string {
  if (body === undefined || /^\s*---/.test(body)) return false;
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && /^ *[`~]+\s*$/.test(line))
        fence = undefined;
      continue;
    }
    if (marker) {
      // Indented, or a backtick fence whose info string holds a backtick (not a fence at all): not followed.
      if (!line.startsWith(marker) || (marker[0] === '`' && line.slice(marker.length).includes('`'))) return false;
      fence = marker;
      continue;
    }
    if (/[<{}]/.test(line) || /^(import|export)\s/.test(line) || /^( {4}|\t)\s*\S/.test(line)) return false;
  }
  return fence === undefined;
}

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
      // One at a time, as they are set: rendering is the one thread's work, and all at once would hold every tree together.
      let rendering = Promise.resolve();
      const store = Object.create(context.store, {
        set: {
          value: (entry: DataEntry) => {
            const { body } = entry;
            if (!entry.deferredRender || !isPlainMarkdown(body)) return context.store.set(entry);
            rendering = rendering.then(() => renderAsMarkdown(context, entry, body));
            return true;
          },
        },
      });
      // An entry cached as MDX by an earlier build (or an earlier version of this loader) is read again.
      for (const entry of context.store.values())
        if (entry.deferredRender && isPlainMarkdown(entry.body)) context.store.delete(entry.id);
      await files.load({ ...context, store });
      // In `astro dev` the glob loader's watcher keeps calling `set` after load: those entries render on their own.
      await rendering;
    },
  };
}

/** An entry rendered as Markdown; one Markdown cannot render stays MDX, whose compiler then reports it with its place. */
async function renderAsMarkdown(context: LoaderContext, entry: DataEntry, body: string): Promise<void> {
  const fileURL = new URL(entry.filePath ?? '', context.config.root);
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
 * Whether an MDX body means the same as Markdown: outside code, no tag, expression or import
 * (`<`, `{`, `}`, a line starting `import`/`export`), no line Markdown would read as indented
 * code and MDX as text, and no opening `---` that Markdown's renderer would take for frontmatter.
 * Anything else stays MDX, which is always right, only heavier.
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
      fence = marker;
      continue;
    }
    const text = line.replace(/(`+)(?!`).*?[^`]\1(?!`)|(`+)\S\2/g, '');
    if (/[<{}]/.test(text) || /^(import|export)\s/.test(line) || /^( {4}|\t)\s*\S/.test(line)) return false;
  }
  return true;
}

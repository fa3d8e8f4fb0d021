import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parsePrometheusRulesFile, type PrometheusRulesFile } from './prometheus-rules-file.ts';
import type { Corpus, OwnersRegistry } from './corpus.ts';
import { SourceFile } from './source-file.ts';
import { addRunbookFile } from './assemble.ts';
import { parseOwnersFile, type LoadReport, type ParseOptions } from './parse-file.ts';
import { diskSource, exists, readInTree, type FileSource } from './file-source.ts';
import { DEFAULT_MAX_FILE_BYTES, isInside } from './safe-read.ts';

/** A path argument that cannot be read at all: the CLI's exit code 2, not a finding. */
export class LoadError extends Error {}

const RUNBOOK_FILE = /\.mdx?$/;
export const OWNERS_FILE = 'owners.yaml';

/** Hidden entries and node_modules are not part of a tree, as Astro's loader skips them. */
export const skipsEntry = (name: string): boolean => name.startsWith('.') || name === 'node_modules';
/** A runbook file's name: .md or .mdx, and not `_`-prefixed (a draft Astro skips). */
export const isRunbookName = (name: string): boolean => RUNBOOK_FILE.test(name) && !name.startsWith('_');

export interface LoadOptions {
  /** One owners registry for every runbook (the config's `owners`), relative to cwd. */
  ownersFile?: string;
  /** Files larger than this are reported, not read. */
  maxFileBytes?: number;
  allowFrontmatter?: ParseOptions['allowFrontmatter'];
  /** Hand-written Prometheus rules files to check against the runbooks' thresholds. */
  prometheusRules?: string | readonly string[];
  /**
   * Also load the tree each path belongs to (the folder of its owners registry), so that
   * cross-file rules see the whole corpus; `corpus.asked` then says which files were asked about.
   */
  withTrees?: boolean;
  /** Where the files are read: the working tree (the default) or a git commit. */
  source?: FileSource;
  /**
   * A path, folder or rules file the source does not hold contributes nothing instead of
   * stopping the run: the base of a diff, to which the change adds it.
   */
  absentIsEmpty?: boolean;
}

/**
 * Reads runbook trees and files into one corpus. A folder or a file takes the owners.yaml of the
 * nearest folder at or above it that has one, up to the repository root; a config's `owners`
 * file, when given, serves every runbook instead; an owners.yaml given as a path is read as a
 * registry. Nothing outside a tree is read through a link, nothing but regular files is read,
 * and each refusal is a `parse` finding.
 */
export function loadCorpus(paths: readonly string[], cwd = process.cwd(), options: LoadOptions = {}): Corpus {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const source = options.source ?? diskSource;
  const registries = new Map<string, OwnersRegistry>();
  const loadReports: LoadReport[] = [];
  const display = (absolute: string) => relative(cwd, absolute).split(sep).join('/') || '.';
  const refusal = (path: string, message: string): LoadReport => ({
    ruleId: 'parse',
    source: new SourceFile(display(path), ''),
    path: [],
    position: { line: 1, column: 1 },
    message,
  });
  const realCwd = source.realpath(cwd);

  const registryAt = (path: string, realRoot: string): OwnersRegistry => {
    let registry = registries.get(path);
    if (registry) return registry;
    registry = { file: display(path), owners: {} };
    if (exists(source, path)) {
      const read = readInTree(source, path, realRoot, maxBytes);
      if ('bytes' in read) {
        const parsed = parseOwnersFile(display(path), read.bytes);
        registry = parsed.registry;
        loadReports.push(...parsed.reports);
      } else loadReports.push(refusal(path, read.refused));
    }
    registries.set(path, registry);
    return registry;
  };
  /** The registry of a folder: the config's, else the nearest owners.yaml at or above it. */
  const registryOf = (folder: string): { registry: OwnersRegistry; root?: string } => {
    if (options.ownersFile) return { registry: registryAt(resolve(cwd, options.ownersFile), realCwd) };
    const root = nearestOwnersFolder(source, folder, cwd);
    if (root) return { registry: registryAt(join(root, OWNERS_FILE), source.realpath(root)), root };
    const registry = registryAt(join(folder, OWNERS_FILE), source.realpath(folder));
    registry.missing = `none in ${display(folder)} or the folders above it`;
    return { registry };
  };

  const files = new Map<string, { root: string; registry: OwnersRegistry }>();
  const asked = new Set<string>();
  const trees = new Set<string>();
  const addTree = (folder: string, registry: OwnersRegistry, arg?: string) => {
    const root = source.realpath(folder);
    let found = false;
    for (const path of walk(source, folder)) {
      found = true;
      if (arg !== undefined) asked.add(display(path));
      if (!files.has(path)) files.set(path, { root, registry });
    }
    // As ESLint does for a pattern that matches nothing: a mistyped folder must not pass CI.
    if (!found && arg !== undefined && !options.absentIsEmpty)
      throw new LoadError(`No runbook files (.md, .mdx) found under '${arg}'`);
  };
  const given: Array<() => void> = [];
  for (const arg of paths) {
    const absolute = resolve(cwd, arg);
    if (!exists(source, absolute)) {
      if (options.absentIsEmpty) continue;
      throw new LoadError(`Cannot read '${arg}': no such file or directory`);
    }
    const target = source.targetOf(absolute);
    const folder = target === 'directory' ? absolute : dirname(absolute);
    if (target !== 'directory' && target !== 'file')
      throw new LoadError(`Cannot read '${arg}': it is not a regular file or a folder`);
    const { registry, root } = registryOf(folder);
    if (options.withTrees) {
      const tree = root ?? (options.ownersFile ? resolve(cwd, DEFAULT_TREE) : undefined);
      if (tree && source.targetOf(tree) === 'directory' && !trees.has(tree)) trees.add(tree);
    }
    if (target === 'directory') {
      given.push(() => addTree(absolute, registry, arg));
      // The registry of a folder given whole is asked about too.
      if (registry.source && isInside(absolute, resolve(cwd, registry.file))) asked.add(registry.file);
    } else if (isRegistryPath(absolute, options.ownersFile, cwd)) {
      given.push(() => asked.add(registryAt(absolute, source.realpath(dirname(absolute))).file));
    } else {
      // A file named on the command line is trusted where it is; a link to it must stay inside cwd.
      const entry = {
        root: source.kindOf(absolute) === 'link' ? realCwd : source.realpath(dirname(absolute)),
        registry,
      };
      given.push(() => {
        asked.add(display(absolute));
        // Set again so that the file keeps the trust of a path given, wherever its tree put it first.
        files.set(absolute, entry);
      });
    }
  }
  // The trees first, so that "already used by" points at the same file whichever path is given.
  for (const tree of trees) addTree(tree, registryOf(tree).registry);
  for (const add of given) add();

  const corpus: Corpus = { runbooks: [], pages: [], registries: [], fileCount: 0, filesRead: [], loadReports };
  source.prefetch?.([...files.keys()], maxBytes);
  for (const [path, { root, registry }] of files) {
    const read = readInTree(source, path, root, maxBytes);
    if (!('bytes' in read)) {
      corpus.fileCount++;
      loadReports.push(refusal(path, read.refused));
      continue;
    }
    addRunbookFile(corpus, display(path), read.bytes, registry, options);
  }
  corpus.registries = [...registries.values()];
  if (options.withTrees) corpus.asked = asked;
  const rulesFiles =
    typeof options.prometheusRules === 'string' ? [options.prometheusRules] : (options.prometheusRules ?? []);
  const held = options.absentIsEmpty ? rulesFiles.filter((file) => exists(source, resolve(cwd, file))) : rulesFiles;
  if (rulesFiles.length)
    corpus.prometheusRules = held.map((file) => loadPrometheusRules(source, file, cwd, realCwd, maxBytes, display));
  return corpus;
}

/** A rules file that cannot be read, or is not one, stops the run (exit 2) with where and why. */
function loadPrometheusRules(
  source: FileSource,
  arg: string,
  cwd: string,
  realCwd: string,
  maxBytes: number,
  display: (absolute: string) => string,
): PrometheusRulesFile {
  const absolute = resolve(cwd, arg);
  const read = exists(source, absolute) ? readInTree(source, absolute, realCwd, maxBytes) : { refused: 'ENOENT' };
  if (!('bytes' in read)) throw new LoadError(`Cannot read Prometheus rules file '${arg}' (${read.refused})`);
  const parsed = parsePrometheusRulesFile(display(absolute), read.bytes.toString('utf8'));
  if ('error' in parsed) throw new LoadError(parsed.error);
  return parsed;
}

/**
 * Every .md/.mdx entry below a folder, sorted, and every link to a folder: the site's loader
 * would follow one, so it is reported rather than skipped. Links are not followed here, so a
 * link loop cannot trap the walk; hidden folders, node_modules and `_`-prefixed files are
 * skipped as Astro's loader skips them.
 */
function* walk(source: FileSource, dir: string): Generator<string> {
  const entries = source.list(dir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (skipsEntry(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.kind === 'directory') yield* walk(source, path);
    else if (
      RUNBOOK_FILE.test(entry.name)
        ? isRunbookName(entry.name)
        : entry.kind === 'link' && source.targetOf(path) === 'directory'
    )
      yield path;
  }
}

/** The folder the CLI checks with no paths: the whole corpus when the config names one registry. */
const DEFAULT_TREE = 'runbooks';

/**
 * The nearest folder at or above `folder` holding an owners.yaml, looking no higher than the
 * repository root (the folder with `.git`), or than cwd outside a repository.
 */
function nearestOwnersFolder(source: FileSource, folder: string, cwd: string): string | undefined {
  const top = source.repositoryRoot(folder) ?? (isInside(cwd, folder) ? cwd : folder);
  for (let dir = folder; ; dir = dirname(dir)) {
    if (source.targetOf(join(dir, OWNERS_FILE)) === 'file') return dir;
    if (dir === top || dirname(dir) === dir) return undefined;
  }
}

/** An owners registry given as a path: any owners.yaml, or the file the config names. */
function isRegistryPath(absolute: string, ownersFile: string | undefined, cwd: string): boolean {
  return basename(absolute) === OWNERS_FILE || (ownersFile !== undefined && resolve(cwd, ownersFile) === absolute);
}

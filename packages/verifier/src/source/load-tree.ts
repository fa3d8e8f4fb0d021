import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parsePrometheusRulesFile, type PrometheusRulesFile } from '../alerting/prometheus-rules-file.ts';
import type { Corpus, OwnersRegistry } from '../model/corpus.ts';
import { SourceFile } from './source-file.ts';
import { addRunbookFile } from './assemble.ts';
import { parseOwnersFile, type LoadReport, type ParseOptions } from './parse-file.ts';
import { classify, DEFAULT_MAX_FILE_BYTES, readRegularFile, type ReadResult } from './safe-read.ts';

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
}

/**
 * Reads runbook trees and files into one corpus. A directory is a tree with its owners.yaml at
 * its root; a file takes the owners.yaml of the nearest folder above it that has one; a config's
 * `owners` file, when given, serves every runbook instead. Nothing outside a tree is read through
 * a link, nothing but regular files is read, and each refusal is a `parse` finding.
 */
export function loadCorpus(paths: readonly string[], cwd = process.cwd(), options: LoadOptions = {}): Corpus {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const registries = new Map<string, OwnersRegistry>();
  const loadReports: LoadReport[] = [];
  const display = (absolute: string) => relative(cwd, absolute).split(sep).join('/') || '.';
  const refusal = (path: string, message: string): LoadReport => ({ ruleId: 'parse', source: new SourceFile(display(path), ''), path: [], position: { line: 1, column: 1 }, message });
  const realCwd = realpathSync(cwd);

  const registryAt = (root: string): OwnersRegistry => {
    const path = options.ownersFile ? resolve(cwd, options.ownersFile) : join(root, OWNERS_FILE);
    let registry = registries.get(path);
    if (registry) return registry;
    registry = { file: display(path), owners: {} };
    if (exists(path)) {
      const read = readInTree(path, options.ownersFile ? realCwd : realpathSync(root), maxBytes);
      if ('bytes' in read) {
        const parsed = parseOwnersFile(display(path), read.bytes);
        registry = parsed.registry;
        loadReports.push(...parsed.reports);
      } else loadReports.push(refusal(path, read.refused));
    }
    registries.set(path, registry);
    return registry;
  };

  const files: Array<{ path: string; root: string; registry: OwnersRegistry }> = [];
  for (const arg of paths) {
    const absolute = resolve(cwd, arg);
    if (!exists(absolute)) throw new LoadError(`Cannot read '${arg}': no such file or directory`);
    const stat = statQuiet(absolute);
    if (stat?.isDirectory()) {
      const registry = registryAt(absolute);
      const root = realpathSync(absolute);
      const before = files.length;
      for (const path of walk(absolute)) files.push({ path, root, registry });
      // As ESLint does for a pattern that matches nothing: a mistyped folder must not pass CI.
      if (files.length === before) throw new LoadError(`No runbook files (.md, .mdx) found under '${arg}'`);
    } else if (stat?.isFile()) {
      // A file named on the command line is trusted where it is; a link to it must stay inside cwd.
      files.push({ path: absolute, root: lstatSync(absolute).isSymbolicLink() ? realCwd : realpathSync(dirname(absolute)), registry: registryAt(nearestOwnersFolder(absolute, cwd)) });
    } else {
      throw new LoadError(`Cannot read '${arg}': it is not a regular file or a folder`);
    }
  }

  const corpus: Corpus = { runbooks: [], pages: [], registries: [], fileCount: 0, filesRead: [], loadReports };
  const seen = new Set<string>();
  for (const { path, root, registry } of files) {
    if (seen.has(path)) continue;
    seen.add(path);
    const read = readInTree(path, root, maxBytes);
    if (!('bytes' in read)) {
      corpus.fileCount++;
      loadReports.push(refusal(path, read.refused));
      continue;
    }
    addRunbookFile(corpus, display(path), read.bytes, registry, options);
  }
  corpus.registries = [...registries.values()];
  const rulesFiles = typeof options.prometheusRules === 'string' ? [options.prometheusRules] : (options.prometheusRules ?? []);
  if (rulesFiles.length) corpus.prometheusRules = rulesFiles.map((file) => loadPrometheusRules(file, cwd, realCwd, maxBytes, display));
  return corpus;
}

/** A rules file that cannot be read, or is not one, stops the run (exit 2) with where and why. */
function loadPrometheusRules(arg: string, cwd: string, realCwd: string, maxBytes: number, display: (absolute: string) => string): PrometheusRulesFile {
  const absolute = resolve(cwd, arg);
  const read = exists(absolute) ? readInTree(absolute, realCwd, maxBytes) : { refused: 'ENOENT' };
  if (!('bytes' in read)) throw new LoadError(`Cannot read Prometheus rules file '${arg}' (${read.refused})`);
  const parsed = parsePrometheusRulesFile(display(absolute), read.bytes.toString('utf8'));
  if ('error' in parsed) throw new LoadError(parsed.error);
  return parsed;
}

function readInTree(path: string, realRoot: string, maxBytes: number): ReadResult {
  const kind = classify(path, realRoot);
  if (kind.kind === 'refused') return { refused: kind.reason };
  if (kind.kind === 'directory') return { refused: 'The path is a folder, not a file' };
  return readRegularFile(kind.real, maxBytes);
}

/** What a path leads to, or undefined when it leads nowhere (missing, a loop, no permission). */
function statQuiet(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

/**
 * Every .md/.mdx entry below a folder, sorted, and every link to a folder: the site's loader
 * would follow one, so it is reported rather than skipped. Links are not followed here, so a
 * link loop cannot trap the walk; hidden folders, node_modules and `_`-prefixed files are
 * skipped as Astro's loader skips them.
 */
function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (skipsEntry(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (RUNBOOK_FILE.test(entry.name) ? isRunbookName(entry.name) : entry.isSymbolicLink() && statQuiet(path)?.isDirectory()) yield path;
  }
}

function nearestOwnersFolder(file: string, cwd: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (statQuiet(join(dir, OWNERS_FILE))?.isFile()) return dir;
    if (dir === cwd || dirname(dir) === dir) return dirname(file);
  }
}

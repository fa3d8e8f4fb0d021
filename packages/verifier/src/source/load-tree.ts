import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parsePrometheusRulesFile, type PrometheusRulesFile } from '../alerting/prometheus-rules-file.ts';
import type { Corpus, OwnersRegistry } from '../model/corpus.ts';
import { SourceFile } from './source-file.ts';
import { addRunbookFile } from './assemble.ts';
import { parseOwnersFile, type LoadReport } from './parse-file.ts';

/** A path argument that cannot be read at all: the CLI's exit code 2, not a finding. */
export class LoadError extends Error {}

const RUNBOOK_FILE = /\.mdx?$/;
export const OWNERS_FILE = 'owners.yaml';

/** Hidden entries and node_modules are not part of a tree, as Astro's loader skips them. */
export const skipsEntry = (name: string): boolean => name.startsWith('.') || name === 'node_modules';
/** A runbook file's name: .md or .mdx, and not `_`-prefixed (a draft Astro skips). */
export const isRunbookName = (name: string): boolean => RUNBOOK_FILE.test(name) && !name.startsWith('_');

/**
 * Reads runbook trees and files into one corpus. A directory is a tree with its owners.yaml at
 * its root; a file takes the owners.yaml of the nearest folder above it that has one; a config's
 * `owners` file, when given, serves every runbook instead.
 */
export function loadCorpus(paths: readonly string[], cwd = process.cwd(), options: { ownersFile?: string; prometheusRules?: string | readonly string[] } = {}): Corpus {
  const registries = new Map<string, OwnersRegistry>();
  const loadReports: LoadReport[] = [];
  const display = (absolute: string) => relative(cwd, absolute).split(sep).join('/') || '.';

  const registryAt = (root: string): OwnersRegistry => {
    const path = options.ownersFile ? resolve(cwd, options.ownersFile) : join(root, OWNERS_FILE);
    let registry = registries.get(path);
    if (registry) return registry;
    const bytes = readIfFile(path);
    if (bytes) {
      const parsed = parseOwnersFile(display(path), bytes);
      registry = parsed.registry;
      loadReports.push(...parsed.reports);
    } else registry = { file: display(path), owners: {} };
    registries.set(path, registry);
    return registry;
  };

  const files: Array<{ path: string; registry: OwnersRegistry }> = [];
  const seen = new Set<string>();
  for (const arg of paths) {
    const absolute = resolve(cwd, arg);
    const stat = statOrFail(absolute, arg);
    if (stat.isDirectory()) {
      const registry = registryAt(absolute);
      for (const path of walk(absolute)) files.push({ path, registry });
    } else {
      files.push({ path: absolute, registry: registryAt(nearestOwnersFolder(absolute, cwd)) });
    }
  }

  const corpus: Corpus = { runbooks: [], pages: [], registries: [], fileCount: 0, loadReports };
  for (const { path, registry } of files) {
    if (seen.has(path)) continue;
    seen.add(path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      corpus.fileCount++;
      const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      loadReports.push({ ruleId: 'parse', source: new SourceFile(display(path), ''), path: [], position: { line: 1, column: 1 }, message: `The file cannot be read (${reason})` });
      continue;
    }
    addRunbookFile(corpus, display(path), bytes, registry);
  }
  corpus.registries = [...registries.values()];
  const rulesFiles = typeof options.prometheusRules === 'string' ? [options.prometheusRules] : (options.prometheusRules ?? []);
  if (rulesFiles.length) corpus.prometheusRules = rulesFiles.map((file) => loadPrometheusRules(file, cwd, display));
  return corpus;
}

/** A rules file that cannot be read, or is not one, stops the run (exit 2) with where and why. */
function loadPrometheusRules(arg: string, cwd: string, display: (absolute: string) => string): PrometheusRulesFile {
  const absolute = resolve(cwd, arg);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new LoadError(`Cannot read Prometheus rules file '${arg}' (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const parsed = parsePrometheusRulesFile(display(absolute), text);
  if ('error' in parsed) throw new LoadError(parsed.error);
  return parsed;
}

function statOrFail(path: string, arg: string) {
  try {
    return statSync(path);
  } catch {
    throw new LoadError(`Cannot read '${arg}': no such file or directory`);
  }
}

function readIfFile(path: string): Buffer | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every .md/.mdx file below a folder, sorted. Symbolic links to folders are not followed, so a
 * link loop cannot trap the walk; hidden folders, node_modules and `_`-prefixed files are skipped
 * as Astro's loader skips them.
 */
function* walk(root: string): Generator<string> {
  const entries = readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (skipsEntry(entry.name)) continue;
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (isRunbookName(entry.name) && (entry.isFile() || isFileLink(path))) yield path;
  }
}

function isFileLink(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function nearestOwnersFolder(file: string, cwd: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (readIfFile(join(dir, OWNERS_FILE))) return dir;
    if (dir === cwd || dirname(dir) === dir) return dirname(file);
  }
}

import { execFileSync } from 'node:child_process';
import { posix, relative, resolve, sep } from 'node:path';
import type { Corpus, OwnersRegistry } from '../model/corpus.ts';
import { addRunbookFile } from './assemble.ts';
import { isRunbookName, OWNERS_FILE, skipsEntry, type LoadOptions } from './load-tree.ts';
import { DEFAULT_MAX_FILE_BYTES } from './safe-read.ts';
import { parseOwnersFile } from './parse-file.ts';

/** git cannot run, the directory is no repository, or a ref names no commit: the CLI's exit code 2. */
export class GitError extends Error {}

/** A file of the base tree that is not read: a symbolic link, a submodule, a blob too large. */
export interface SkippedEntry {
  file: string;
  reason: string;
}

/** A runbook file larger than this is skipped: no runbook is, and the whole base is held in memory. */
/** What one git command may print: the blobs of a very large corpus. */
const MAX_OUTPUT = 1024 * 1024 * 1024;

const SYMLINK = '120000';
const SUBMODULE = '160000';

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  try {
    // Never a shell, and never a prompt for credentials: the base is a local object or nothing.
    return execFileSync('git', args, { cwd, input, maxBuffer: MAX_OUTPUT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === 'ENOENT') throw new GitError('git is not installed or not on PATH; almanac diff reads the base from git');
    const said = failure.stderr?.toString('utf8').trim().split('\n')[0];
    throw new GitError(`git ${args[0]} failed${said ? `: ${said}` : ''}`);
  }
}

function quietly(cwd: string, args: readonly string[]): string | undefined {
  try {
    return git(cwd, args).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A commit's id, or undefined when the ref names none. */
function commitOf(cwd: string, ref: string): string | undefined {
  return quietly(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
}

/** The base to compare with: a commit id, and how the report names it. */
export interface Base {
  ref: string;
  commit: string;
}

/**
 * The commit `--base` names, or by default the merge base of HEAD with the default branch
 * (origin/HEAD, else main, else master): what a pull request's diff is taken against.
 */
export function resolveBase(cwd: string, ref?: string): Base {
  try {
    git(cwd, ['rev-parse', '--git-dir']);
  } catch (error) {
    // Any other refusal (a repository owned by someone else, git too old) is git's to explain.
    if (!/not a git repository/.test((error as Error).message)) throw error;
    throw new GitError('not inside a git repository; almanac diff compares the working tree with a commit');
  }
  if (ref !== undefined) {
    // A ref that starts with '-' would be read by git as an option.
    const commit = ref.startsWith('-') ? undefined : commitOf(cwd, ref);
    if (!commit) throw new GitError(`--base '${ref}' names no commit in this repository`);
    return { ref, commit };
  }
  const originHead = quietly(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  const branch = [originHead, 'main', 'master', 'origin/main', 'origin/master'].find((name) => name !== undefined && commitOf(cwd, name) !== undefined);
  if (!branch) throw new GitError('no default branch to compare with (origin/HEAD, main or master); give --base REF');
  const commit = quietly(cwd, ['merge-base', 'HEAD', branch]);
  if (!commit) throw new GitError(`HEAD has no common history with ${branch}; give --base REF (in CI, check out with fetch-depth: 0)`);
  return { ref: `merge base with ${branch}`, commit };
}

interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  size: number;
  path: string;
}

/** `git ls-tree -r -z -l`: mode, type, object, size, then a tab and the path, each entry ending in NUL. */
function listTree(cwd: string, commit: string, paths: readonly string[]): TreeEntry[] {
  const out = git(cwd, ['ls-tree', '-r', '-z', '-l', commit, '--', ...paths]).toString('utf8');
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/) as [string, string, string, string];
    entries.push({ mode, type, oid, size: Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}

/** The contents of blobs by object id, through one `git cat-file --batch`. */
function readBlobs(cwd: string, oids: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const out = git(cwd, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const newline = out.indexOf(0x0a, at);
    if (newline === -1) break;
    const [oid, type, size] = out.subarray(at, newline).toString('utf8').split(' ') as [string, string, string | undefined];
    at = newline + 1;
    if (type === 'missing' || size === undefined) continue;
    blobs.set(oid, out.subarray(at, at + Number(size)));
    at += Number(size) + 1;
  }
  return blobs;
}

const normal = (arg: string) => posix.normalize(arg).replace(/\/+$/, '') || '.';

/** The owners.yaml files a path argument could take: its own for a folder, each folder's above for a file. */
function ownersCandidates(arg: string): string[] {
  const candidates = [posix.join(arg, OWNERS_FILE)];
  for (let dir = posix.dirname(arg); ; dir = posix.dirname(dir)) {
    candidates.push(posix.join(dir, OWNERS_FILE));
    if (dir === '.' || dir === '/' || dir === '..' || dir.endsWith('/..')) break;
  }
  return candidates;
}

/** The disk walk's order, folder by folder by name; git sorts 'a-b.mdx' before 'a/b.mdx'. */
function bySegments(a: TreeEntry, b: TreeEntry): number {
  const [x, y] = [a.path.split('/'), b.path.split('/')];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}

/** Whether a path below a tree's root is a runbook of that tree, as the disk walk decides. */
function inTree(relative: string): boolean {
  const parts = relative.split('/');
  return parts.every((part) => !skipsEntry(part)) && isRunbookName(parts[parts.length - 1]!);
}

/**
 * The corpus as it was at a commit, read from git objects into memory: the working tree is
 * neither read nor written. Paths are read as `loadCorpus` reads them on disk (relative to cwd,
 * a folder or a file with the nearest owners.yaml at or above it). A path
 * that did not exist at the commit contributes nothing (the change adds it). Symbolic links and
 * submodules are listed as skipped, not followed.
 */
export function loadCorpusAtCommit(commit: string, paths: readonly string[], cwd: string, options: LoadOptions = {}): { corpus: Corpus; skipped: SkippedEntry[] } {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // As on disk, a path is shown relative to cwd, whether it was given so or absolute.
  const fromCwd = (path: string) => normal(relative(cwd, resolve(cwd, path)).split(sep).join('/'));
  const args = paths.map(fromCwd);
  const configOwners = options.ownersFile === undefined ? undefined : fromCwd(options.ownersFile);
  const wanted = [...new Set([...args, ...(configOwners ? [configOwners] : args.flatMap(ownersCandidates))])];
  const entries = new Map(listTree(cwd, commit, wanted).map((entry) => [entry.path, entry]));
  const skipped: SkippedEntry[] = [];

  const files: Array<{ entry: TreeEntry; owners: string }> = [];
  const seen = new Set<string>();
  const add = (entry: TreeEntry, owners: string) => {
    if (seen.has(entry.path)) return;
    seen.add(entry.path);
    if (entry.mode === SYMLINK) skipped.push({ file: entry.path, reason: 'a symbolic link in git, not followed' });
    else if (entry.mode === SUBMODULE || entry.type !== 'blob') skipped.push({ file: entry.path, reason: 'a submodule, whose runbooks are not read' });
    else if (entry.size > maxBytes) skipped.push({ file: entry.path, reason: `larger than ${maxBytes.toLocaleString('en')} bytes (maxFileBytes)` });
    else files.push({ entry, owners });
  };
  for (const arg of args) {
    const self = entries.get(arg);
    if (self && self.mode !== SUBMODULE) {
      const nearest = ownersCandidates(arg).slice(1).find((path) => entries.get(path)?.type === 'blob');
      add(self, configOwners ?? nearest ?? posix.join(posix.dirname(arg), OWNERS_FILE));
      continue;
    }
    const prefix = arg === '.' ? '' : `${arg}/`;
    const below = [...entries.values()].filter((entry) => {
      if (!entry.path.startsWith(prefix)) return false;
      const relative = entry.path.slice(prefix.length);
      return entry.mode === SUBMODULE ? relative.split('/').every((part) => !skipsEntry(part)) : inTree(relative);
    });
    // As on disk: a folder's registry is the nearest owners.yaml at or above it.
    const registry = configOwners ?? ownersCandidates(arg).find((path) => entries.get(path)?.type === 'blob') ?? posix.join(arg, OWNERS_FILE);
    for (const entry of below.sort(bySegments)) add(entry, registry);
  }

  const ownersPaths = [...new Set(files.map((file) => file.owners))];
  const ownersBlobs = ownersPaths.map((path) => entries.get(path)).filter((entry): entry is TreeEntry => entry?.type === 'blob' && entry.mode !== SYMLINK && entry.size <= maxBytes);
  const blobs = readBlobs(cwd, [...new Set([...files.map((file) => file.entry.oid), ...ownersBlobs.map((entry) => entry.oid)])]);

  const corpus: Corpus = { runbooks: [], pages: [], registries: [], fileCount: 0, filesRead: [], loadReports: [] };
  const registries = new Map<string, OwnersRegistry>();
  for (const path of ownersPaths) {
    const entry = entries.get(path);
    const bytes = entry && ownersBlobs.includes(entry) ? blobs.get(entry.oid) : undefined;
    if (!bytes) {
      registries.set(path, { file: path, owners: {} });
      continue;
    }
    const parsed = parseOwnersFile(path, bytes);
    registries.set(path, parsed.registry);
    corpus.loadReports.push(...parsed.reports);
  }
  for (const { entry, owners } of files) {
    addRunbookFile(corpus, entry.path, blobs.get(entry.oid) ?? new Uint8Array(), registries.get(owners)!, options);
  }
  corpus.registries = [...registries.values()];
  return { corpus, skipped };
}

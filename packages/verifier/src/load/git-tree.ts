import { execFileSync } from 'node:child_process';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { FileSource, FolderEntry } from './file-source.ts';
import { skipsEntry } from './load-tree.ts';
import { tooLarge } from './safe-read.ts';

/** git cannot run, the directory is no repository, or a ref names no commit: the CLI's exit code 2. */
export class GitError extends Error {}

/** A folder of the base tree that is not read: a submodule, whose commit is in another repository. */
export interface SkippedEntry {
  file: string;
  reason: string;
}

/** What one git command may print: the blobs of a very large corpus. */
const MAX_OUTPUT = 1024 * 1024 * 1024;

const SYMLINK = '120000';
const SUBMODULE = '160000';

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  try {
    // Never a shell, and never a prompt for credentials: the base is a local object or nothing.
    return execFileSync('git', args, {
      cwd,
      input,
      maxBuffer: MAX_OUTPUT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === 'ENOENT')
      throw new GitError('git is not installed or not on PATH; almanac diff reads the base from git');
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
  const branch = [originHead, 'main', 'master', 'origin/main', 'origin/master'].find(
    (name) => name !== undefined && commitOf(cwd, name) !== undefined,
  );
  if (!branch) throw new GitError('no default branch to compare with (origin/HEAD, main or master); give --base REF');
  const commit = quietly(cwd, ['merge-base', 'HEAD', branch]);
  if (!commit)
    throw new GitError(
      `HEAD has no common history with ${branch}; give --base REF (in CI, check out with fetch-depth: 0)`,
    );
  return { ref: `merge base with ${branch}`, commit };
}

interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  size: number;
}

/** `git ls-tree -r -t -z -l`: mode, type, object, size, then a tab and the path, each entry ending in NUL. */
function listTree(top: string, commit: string): Map<string, TreeEntry> {
  const out = git(top, ['ls-tree', '-r', '-t', '-z', '-l', '--full-tree', commit]).toString('utf8');
  const entries = new Map<string, TreeEntry>();
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/) as [string, string, string, string];
    entries.set(record.slice(tab + 1), { mode, type, oid, size: Number(size) });
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
    const [oid, type, size] = out.subarray(at, newline).toString('utf8').split(' ') as [
      string,
      string,
      string | undefined,
    ];
    at = newline + 1;
    if (type === 'missing' || size === undefined) continue;
    blobs.set(oid, out.subarray(at, at + Number(size)));
    at += Number(size) + 1;
  }
  return blobs;
}

/** Links followed within one path before it is taken for a loop, as the kernel's limit. */
const MAX_LINKS = 40;

/** A commit's files as a FileSource, plus the submodules met in the folders read. */
export interface GitSource extends FileSource {
  skipped: SkippedEntry[];
}

/**
 * The tree of a commit, read from git objects: the working tree is neither read nor written.
 * Paths are the working tree's (absolute, below the repository's root as cwd spells it), so
 * the corpus assembler reads the commit as it reads the disk: the same owners registries,
 * rules files and refusals. A symbolic link is followed as on disk, by its target's text;
 * a submodule is listed as skipped.
 */
export function gitSource(cwd: string, commit: string): GitSource {
  const top = resolve(cwd, quietly(cwd, ['rev-parse', '--show-cdup']) ?? '.');
  const entries = listTree(top, commit);
  const blobs = new Map<string, Buffer>();
  const skipped: SkippedEntry[] = [];
  const children = new Map<string, FolderEntry[]>([['', []]]);
  const kindOf = (entry: TreeEntry): FolderEntry['kind'] =>
    entry.type === 'tree'
      ? 'directory'
      : entry.mode === SYMLINK
        ? 'link'
        : entry.mode === SUBMODULE
          ? 'submodule'
          : 'file';
  for (const [path, entry] of entries) {
    if (entry.type === 'tree') children.set(path, []);
  }
  for (const [path, entry] of entries)
    children
      .get(posix.dirname(path) === '.' ? '' : posix.dirname(path))
      ?.push({ name: posix.basename(path), kind: kindOf(entry) });

  const blob = (entry: TreeEntry): Buffer => {
    let bytes = blobs.get(entry.oid);
    if (!bytes) {
      bytes = readBlobs(top, [entry.oid]).get(entry.oid) ?? Buffer.alloc(0);
      blobs.set(entry.oid, bytes);
    }
    return bytes;
  };
  /** A path's place in the commit ('' its root), or undefined outside the repository. */
  const inRepo = (path: string): string | undefined => {
    const rel = relative(top, path);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  };
  /** The path with its links resolved, within the commit; a target outside it is returned as an absolute path. */
  const resolveLinks = (path: string): string => {
    let rest = inRepo(path)?.split('/').filter(Boolean);
    if (!rest) return path;
    let done: string[] = [];
    for (let links = 0; rest.length;) {
      const name = rest.shift()!;
      const at = [...done, name].join('/');
      const entry = entries.get(at);
      if (entry?.mode !== SYMLINK) {
        done.push(name);
        continue;
      }
      if (++links > MAX_LINKS) throw new Error(`${path}: too many links`);
      const target = blob(entry).toString('utf8');
      const joined = isAbsolute(target) ? target : join(top, ...done, target);
      const within = inRepo(joined);
      if (within === undefined) return resolve(joined, ...rest);
      done = [];
      rest = [...within.split('/').filter(Boolean), ...rest];
    }
    return join(top, ...done);
  };
  const entryAt = (path: string): TreeEntry | 'root' | undefined => {
    const rel = inRepo(path);
    return rel === '' ? 'root' : rel === undefined ? undefined : entries.get(rel);
  };

  const source: GitSource = {
    skipped,
    kindOf(path) {
      const entry = entryAt(path);
      if (entry === 'root') return 'directory';
      if (!entry) return { error: 'ENOENT' };
      const kind = kindOf(entry);
      return kind === 'submodule' ? { special: 'a git submodule' } : kind;
    },
    realpath(path) {
      const real = resolveLinks(path);
      if (inRepo(real) === undefined) return real;
      if (!entryAt(real)) throw new Error(`${path}: no such file at ${commit}`);
      return real;
    },
    targetOf(path) {
      let real: string;
      try {
        real = source.realpath(path);
      } catch {
        return undefined;
      }
      const entry = entryAt(real);
      if (!entry) return undefined;
      return entry === 'root' || entry.type === 'tree' ? 'directory' : entry.mode === SUBMODULE ? 'other' : 'file';
    },
    list(dir) {
      const rel = inRepo(dir);
      const found = rel === undefined ? undefined : children.get(rel);
      if (!found) throw new Error(`${dir}: no such folder at ${commit}`);
      for (const entry of found) {
        const file = relative(cwd, join(dir, entry.name)).split(sep).join('/');
        if (entry.kind === 'submodule' && !skipsEntry(entry.name) && !skipped.some((s) => s.file === file))
          skipped.push({ file, reason: 'a submodule, whose runbooks are not read' });
      }
      return found;
    },
    repositoryRoot: (folder) => (inRepo(folder) === undefined ? undefined : top),
    readFile(real, maxBytes) {
      const entry = entryAt(real);
      if (!entry || entry === 'root' || entry.type !== 'blob') return { refused: 'The file cannot be read (ENOENT)' };
      if (entry.size > maxBytes) return { refused: tooLarge(maxBytes) };
      return { bytes: blob(entry) };
    },
    prefetch(paths, maxBytes) {
      const wanted = paths.flatMap((path) => {
        const entry = entryAt(path);
        return entry &&
          entry !== 'root' &&
          entry.type === 'blob' &&
          entry.mode !== SYMLINK &&
          entry.size <= maxBytes &&
          !blobs.has(entry.oid)
          ? [entry.oid]
          : [];
      });
      for (const [oid, bytes] of readBlobs(top, [...new Set(wanted)])) blobs.set(oid, bytes);
    },
  };
  return source;
}

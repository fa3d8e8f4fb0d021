import { lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { classify, diskLookup, readRegularFile, type EntryKind, type Lookup, type ReadResult } from './safe-read.ts';

/** One entry of a folder, as it is itself: a link is a link. */
export interface FolderEntry {
  name: string;
  kind: EntryKind | 'submodule';
}

/**
 * Where the corpus assembler reads files: the working tree, or a git commit read from objects.
 * Paths are absolute, as on disk, so that both sides of `almanac diff` are read by one loader and
 * named alike.
 */
export interface FileSource extends Lookup {
  /** What a path leads to, links followed; undefined when it leads nowhere. */
  targetOf(path: string): 'file' | 'directory' | 'other' | undefined;
  /** A folder's entries, each as it is itself. */
  list(dir: string): FolderEntry[];
  /** The repository's root at or above a folder: the highest folder an owners.yaml is looked for in. */
  repositoryRoot(folder: string): string | undefined;
  /** A regular file's bytes (a real path, no link in it), or why it is not read. */
  readFile(real: string, maxBytes: number): ReadResult;
  /** Says which files are about to be read, so that a source can fetch them in one go. */
  prefetch?(paths: readonly string[], maxBytes: number): void;
}

/** Whether anything is at a path, even a link that leads nowhere. */
export function exists(source: FileSource, path: string): boolean {
  const kind = source.kindOf(path);
  return typeof kind === 'string' || 'special' in kind || !['ENOENT', 'ENOTDIR'].includes(kind.error);
}

/** A file of the tree whose real root is `realRoot`, judged by `classify`: its bytes, or why it is not read. */
export function readInTree(source: FileSource, path: string, realRoot: string, maxBytes: number): ReadResult {
  const kind = classify(path, realRoot, source);
  if (kind.kind === 'refused') return { refused: kind.reason };
  if (kind.kind === 'directory') return { refused: 'The path is a folder, not a file' };
  return source.readFile(kind.real, maxBytes);
}

/** The working tree. */
export const diskSource: FileSource = {
  ...diskLookup,
  targetOf(path) {
    try {
      const stat = statSync(path);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
    } catch {
      return undefined;
    }
  },
  list(dir) {
    return readdirSync(dir, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      kind: entry.isDirectory()
        ? 'directory'
        : entry.isFile()
          ? 'file'
          : entry.isSymbolicLink()
            ? 'link'
            : { special: 'not a regular file' },
    }));
  },
  repositoryRoot(folder) {
    for (let dir = folder; ; dir = dirname(dir)) {
      if (lstatSync(join(dir, '.git'), { throwIfNoEntry: false })) return dir;
      if (dirname(dir) === dir) return undefined;
    }
  },
  readFile: readRegularFile,
};

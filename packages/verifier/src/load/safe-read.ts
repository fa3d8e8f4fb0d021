import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { relative, isAbsolute } from 'node:path';

/** The size above which a file is reported rather than read: no runbook is anywhere near it. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { bytes: Buffer } | { refused: string };

/** Whether a real path is the root or below it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** What is at a path, not followed: a source's answer to lstat. */
export type EntryKind = 'file' | 'directory' | 'link' | { special: string } | { error: string };

/** How a file source sees its entries: what a path itself is, and where its links lead. */
export interface Lookup {
  kindOf(path: string): EntryKind;
  /** The path with every link resolved; throws when it leads nowhere. */
  realpath(path: string): string;
}

/**
 * What a path in a runbook tree is, judged without following it anywhere the tree does not
 * own: a regular file (a link to one inside the tree counts), a folder, or a reason it is not
 * read. A link that leaves the tree could show /proc/self/environ or ~/.ssh in a CI log through
 * a code frame, and a link to a folder would be published by the site's loader unverified.
 * One judgement for every source, the disk and a git commit alike.
 */
export function classify(
  path: string,
  realRoot: string,
  look: Lookup = diskLookup,
): { kind: 'file'; real: string } | { kind: 'directory' } | { kind: 'refused'; reason: string } {
  const kind = look.kindOf(path);
  if (kind === 'directory') return { kind: 'directory' };
  if (kind === 'file') return { kind: 'file', real: path };
  if (typeof kind === 'object')
    return {
      kind: 'refused',
      reason:
        'error' in kind
          ? `The file cannot be read (${kind.error})`
          : `The path is ${kind.special}, not a regular file; it is not read`,
    };
  let real: string;
  try {
    real = look.realpath(path);
  } catch {
    return { kind: 'refused', reason: 'The path is a symbolic link that leads nowhere; it is not read' };
  }
  if (!isInside(realRoot, real))
    return {
      kind: 'refused',
      reason: 'The path is a symbolic link that leaves the runbook tree; it is not followed or read',
    };
  const target = look.kindOf(real);
  if (target === 'directory')
    return {
      kind: 'refused',
      reason:
        'The path is a symbolic link to a folder; it is not followed (the site would publish what it holds unverified): copy or move the folder instead',
    };
  if (target !== 'file')
    return {
      kind: 'refused',
      reason: `The path is a symbolic link to ${typeof target === 'object' && 'special' in target ? target.special : 'not a regular file'}, not a regular file; it is not read`,
    };
  return { kind: 'file', real };
}

/** The disk as a lookup. */
export const diskLookup: Lookup = {
  kindOf(path) {
    let stat: Stats;
    try {
      stat = lstatSync(path);
    } catch (error) {
      return { error: (error as NodeJS.ErrnoException).code ?? 'unknown error' };
    }
    if (stat.isDirectory()) return 'directory';
    if (stat.isFile()) return 'file';
    if (stat.isSymbolicLink()) return 'link';
    return { special: specialKind(stat) };
  },
  realpath: (path) => realpathSync(path),
};

/**
 * Reads a regular file of at most `maxBytes`. Opened without following a link and without
 * blocking, and checked on the open descriptor, so a file swapped for a FIFO or a device after
 * it was classified is refused rather than read for ever.
 */
export function readRegularFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      refused:
        code === 'ELOOP'
          ? 'The path became a symbolic link while it was read; it is not followed'
          : `The file cannot be read (${code ?? 'unknown error'})`,
    };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: `The path is ${specialKind(stat)}, not a regular file; it is not read` };
    if (stat.size > maxBytes) return { refused: tooLarge(maxBytes) };
    // Read to the end, not to the stated size: a file may grow, and a few report no size at all.
    const chunks: Buffer[] = [];
    let total = 0;
    // The stated size plus one byte, so a file read whole needs one buffer and one more read.
    let want = Math.max(stat.size + 1, 4096);
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      want = 8192;
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { refused: tooLarge(maxBytes) };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { refused: `The file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` };
  } finally {
    closeSync(fd);
  }
}

export function tooLarge(maxBytes: number): string {
  return `The file holds more than ${maxBytes.toLocaleString('en')} bytes; it is not read (maxFileBytes in almanac.config.json sets the limit)`;
}

function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isDirectory()) return 'a folder';
  return 'not a regular file';
}

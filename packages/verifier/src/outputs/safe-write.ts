import { lstatSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isInside } from '../load/safe-read.ts';

/** An --output that would destroy something: the CLI's exit code 2 with this message. */
export class OutputError extends Error {}

/**
 * Writes a report to `--output` without ever replacing what it reads: a path that is one of
 * the inputs, inside a runbook tree, or itself a runbook or owners file is refused, and so is a
 * symbolic link (a committed `almanac.sarif` link would aim CI's write anywhere). The report is
 * written to a new file beside the target and renamed over it, so a failed write leaves the
 * old report whole and a link swapped in meanwhile is replaced, not followed.
 */
export function writeReportFile(
  target: string,
  content: string,
  { cwd, inputs }: { cwd: string; inputs: readonly string[] },
): void {
  const absolute = resolve(cwd, target);
  const refuse = (why: string) => new OutputError(`refusing --output '${target}': ${why}`);
  if (/\.mdx?$/i.test(absolute) || basename(absolute) === 'owners.yaml')
    throw refuse('it is named like a runbook or an owners file');
  let folder: string;
  try {
    folder = realpathSync(dirname(absolute));
  } catch (error) {
    throw refuse(`its folder cannot be used (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const real = join(folder, basename(absolute));
  const existing = lstatSync(real, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink()) throw refuse('it is a symbolic link, and the report is never written through one');
  if (existing && !existing.isFile()) throw refuse('it is not a regular file');
  for (const input of inputs) {
    const realInput = realOrSelf(resolve(cwd, input));
    const isFolder = lstatSync(realInput, { throwIfNoEntry: false })?.isDirectory();
    if (real === realInput || (isFolder && isInside(realInput, real)))
      throw refuse(`it is ${real === realInput ? 'one of the inputs' : `inside the runbook tree '${input}'`}`);
  }
  const temporary = join(folder, `.${basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, real);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw refuse(`it cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

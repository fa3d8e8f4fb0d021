import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/cli.ts';

/** A project folder in the system's temp dir holding these files, by path relative to it. */
export function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'almanac-test-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

/**
 * The CLI run in this process on `args` in `cwd`, without colour: its exit code, what it printed,
 * and how long it took, in wall time and in CPU time (the work done, whatever else shares the
 * machine; the verifier is single-threaded, so on a quiet machine it is the wall time too).
 */
export async function cli(
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string; ms: number; cpuMs: number }> {
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  const cpu = process.cpuUsage();
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, color: false });
  const used = process.cpuUsage(cpu);
  return { code, stdout, stderr, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

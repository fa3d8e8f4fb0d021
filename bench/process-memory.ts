/**
 * The memory a command's processes hold at once, sampled from /proc (Linux): `time -f %M` gives
 * the largest process's peak, but a build whose Node process waits while a child (Pagefind's
 * binary) indexes holds both, and the machine must have room for their sum. Proportional set
 * sizes (PSS), not resident sets, are summed: a child forked from a 1.5 GB Node process shares
 * its pages until it execs, and resident sets would count them twice (a 2.2 GB "sum" measured so).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Sampled {
  status: number | null;
  stderr: string;
  /** Bytes: the highest sum of the proportional set sizes of the command and its descendants, sampled every `everyMs`. */
  peakSumBytes: number | undefined;
}

/** The pids of `root` and its descendants. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited between the listing and the read
    }
    // The command name, in parentheses, may hold spaces: the fields after its last ')' are fixed.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const tree: number[] = [];
  for (const queue = [root]; queue.length;) {
    const pid = queue.pop()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function proportionalBytes(pid: number): number {
  try {
    const kib = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kib ? Number(kib) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs `command` and samples its process tree's memory until it exits; without /proc, no sum. */
export function runSampled(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  everyMs = 250,
): Promise<Sampled> {
  const canSample = (() => {
    try {
      readFileSync('/proc/self/smaps_rollup');
      return true;
    } catch {
      return false;
    }
  })();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-1 << 20)));
    let peak = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const sum = processTree(child.pid).reduce((total, pid) => total + proportionalBytes(pid), 0);
      peak = Math.max(peak, sum);
    };
    const timer = canSample ? setInterval(sample, everyMs) : undefined;
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ status, stderr, peakSumBytes: canSample ? peak : undefined });
    });
  });
}

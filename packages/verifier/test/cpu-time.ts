/**
 * What `work` returns and the CPU time it took, in milliseconds: the work done, whatever else
 * shares the machine. A wall-clock budget fails on a loaded two-core machine; a loop that hangs
 * fails by the test's timeout either way.
 */
export function cpuTimed<T>(work: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

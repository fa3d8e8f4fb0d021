import type { ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

/* For tests that start a server of their own (astro dev, Alertmanager): on 127.0.0.1, and stopped by the test. */

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/**
 * Calls `probe` every `every` ms until it gives something, for at most `ms`; an error it throws
 * ends the wait. On timing out, says what it waited for, then `context()` (a server's log).
 */
export async function waitFor<T>(
  what: string,
  ms: number,
  probe: () => Promise<T | undefined> | T | undefined,
  { every = 250, context = () => '' }: { every?: number; context?: () => string } = {},
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`no ${what} after ${ms / 1000} s:\n${context()}`);
    await new Promise((done) => setTimeout(done, every));
  }
}

/** Stops a child: SIGTERM, then SIGKILL if it has not exited within `ms`. */
export async function stopChild(child: ChildProcess | undefined, ms: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((done) => setTimeout(done, ms))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

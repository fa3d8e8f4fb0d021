import { watch } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Corpus } from '../load/corpus.ts';

/** Watches folders and calls back with the path of each file that changed; returns how to stop. */
export type Watcher = (folders: readonly string[], onChange: (file: string) => void) => () => void;

/** What `--watch` is given besides the run itself; tests inject the watcher and the stop. */
export interface WatchOptions {
  stdout: (text: string) => void;
  cwd: string;
  watcher?: Watcher;
  /** Ends the watch; the promise then resolves to the last run's exit code. */
  signal?: AbortSignal;
  /** Changes within this long are one change: an editor's save is several events. */
  debounceMs?: number;
}

/** Node's watcher, one per folder, not recursive: a runbook tree's folders, not node_modules below cwd. */
export const fsWatcher: Watcher = (folders, onChange) => {
  const watchers = folders.map((folder) =>
    watch(folder, (_event, name) => onChange(name ? join(folder, name.toString()) : folder)),
  );
  return () => watchers.forEach((w) => w.close());
};

/** The files a verify run reads, and so whose change makes its report stale. */
const RELEVANT = /(\.mdx?|\.ya?ml|^almanac\.config\.(json|mjs|js|ts))$/;

/** The folders holding what a run read (runbooks, registries, rules files) and cwd, for the config. */
export function foldersOf(corpus: Corpus, cwd: string): string[] {
  const files = [
    ...corpus.filesRead,
    ...corpus.registries.map((r) => r.file),
    ...(corpus.prometheusRules ?? []).map((r) => r.source.file),
  ];
  return [...new Set([cwd, ...files.map((file) => dirname(resolve(cwd, file)))])].sort();
}

/**
 * Runs `verify` now and again after every change to what it read, until the signal ends the
 * watch. A change during a run is verified once the run is over; runs never overlap.
 */
export function watchVerify(
  verify: () => Promise<{ code: number; corpus?: Corpus }>,
  options: WatchOptions,
): Promise<number> {
  const watcher = options.watcher ?? fsWatcher;
  const debounceMs = options.debounceMs ?? 100;
  return new Promise((resolvePromise) => {
    let code = 2;
    let stop = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running: Promise<void> | undefined;
    let pending: string[] = [];
    const finish = () => {
      clearTimeout(timer);
      stop();
      void (running ?? Promise.resolve()).then(() => resolvePromise(code));
    };
    const runOnce = async () => {
      const result = await verify();
      code = result.code;
      if (options.signal?.aborted) return;
      // Folders may come and go with the runbooks: watch what this run read (a run that could not
      // read its inputs keeps the watch it had, so that fixing them verifies again).
      if (result.corpus) {
        stop();
        stop = watcher(foldersOf(result.corpus, options.cwd), changed);
      }
      options.stdout(`\nWatching for changes (Ctrl+C to stop)\n`);
    };
    const rerun = () => {
      const files = [...new Set(pending)];
      pending = [];
      options.stdout(`\n${files.map((f) => basename(f)).join(', ')} changed; verifying again\n`);
      running = runOnce().finally(() => {
        running = undefined;
        if (pending.length && !options.signal?.aborted) rerun();
      });
    };
    const changed = (file: string) => {
      if (!RELEVANT.test(basename(file)) || options.signal?.aborted) return;
      pending.push(file);
      if (running) return;
      clearTimeout(timer);
      timer = setTimeout(rerun, debounceMs);
    };
    if (options.signal?.aborted) return finish();
    options.signal?.addEventListener('abort', finish, { once: true });
    running = runOnce().finally(() => {
      running = undefined;
    });
  });
}

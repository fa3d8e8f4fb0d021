import type { WatchOptions } from './watch.ts';

/** What a command reads and writes besides its files: the CLI's, and its subcommands' (`almanac diff`). */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  color: boolean;
  /** The environment, for ALMANAC_NOW and, on a GitHub runner, GITHUB_STEP_SUMMARY. */
  env?: Readonly<Record<string, string | undefined>>;
  /** For --watch: the watcher, the signal that ends the watch, the debounce (tests inject them). */
  watch?: Pick<WatchOptions, 'watcher' | 'signal' | 'debounceMs'>;
}

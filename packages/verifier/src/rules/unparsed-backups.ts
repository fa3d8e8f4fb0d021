import type { Corpus } from '../load/corpus.ts';
import { rawItemsOf } from '../load/raw-data.ts';

/**
 * Whether a system has a backup task written with a schema error, and so missing from its
 * schedule: a rule about its backups then leaves it to that finding rather than report one that
 * follows from it. Memoised per system, and to be asked only of a system about to be reported,
 * since it reads the YAML of the system's runbooks again.
 */
export function unparsedBackups(corpus: Corpus): (system: string) => boolean {
  const known = new Map<string, boolean>();
  return (system) => {
    if (!known.has(system)) {
      const runbooks = corpus.runbooks.filter((r) => r.system === system);
      known.set(
        system,
        runbooks.some(
          (r) =>
            rawItemsOf(r.source, 'tasks').filter((t) => t.kind === 'backup').length >
            r.tasks.filter((t) => t.value.kind === 'backup').length,
        ),
      );
    }
    return known.get(system)!;
  };
}

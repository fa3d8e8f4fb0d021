import type { Owner, Owners } from '../schema/owners.ts';
import type { Task } from '../schema/runbook.ts';
import type { DataPath } from '../load/yaml-locate.ts';
import type { Corpus, Item, Runbook } from '../load/corpus.ts';

/** A place a runbook names an owner: in its `owners` list, or as the owner of one of its items. */
export type OwnerReference =
  | { owner: string; path: DataPath; list: 'owners' }
  | { owner: string; path: DataPath; list: 'tasks'; item: Runbook['tasks'][number] }
  | { owner: string; path: DataPath; list: 'escalation'; item: Runbook['escalation'][number] }
  | { owner: string; path: DataPath; list: 'monitors'; item: Runbook['monitors'][number] };

/** Every place a runbook names an owner: its owners, then its tasks', escalation levels' and monitors'. */
export function* ownerReferences(runbook: Runbook): Generator<OwnerReference> {
  for (const [index, owner] of runbook.owners.entries()) yield { owner, path: ['owners', index], list: 'owners' };
  for (const item of runbook.tasks)
    yield { owner: item.value.owner, path: [...item.path, 'owner'], list: 'tasks', item };
  for (const item of runbook.escalation)
    yield { owner: item.value.owner, path: [...item.path, 'owner'], list: 'escalation', item };
  for (const item of runbook.monitors)
    if (item.value.owner) yield { owner: item.value.owner, path: [...item.path, 'owner'], list: 'monitors', item };
}

/** Every owner id a runbook names, once each. */
export function ownerIdsOf(runbook: Runbook): Set<string> {
  return new Set(Array.from(ownerReferences(runbook), (ref) => ref.owner));
}

/** The owner an id names in a registry; own keys only, since `constructor` is a valid owner id. */
export function ownerIn(owners: Owners, id: string): Owner | undefined {
  return Object.hasOwn(owners, id) ? owners[id] : undefined;
}

/** The owner an id names in a runbook's owners registry; undefined when owner-unknown reports it. */
export function ownerOf(runbook: Runbook, id: string): Owner | undefined {
  return ownerIn(runbook.registry.owners, id);
}

/**
 * Owners by id, sorted by id: every owner of every registry, and every id a runbook names that
 * no registry has (owner-unknown reports it; its windows still need a feed).
 */
export function ownerDirectory(
  runbooks: readonly Runbook[],
  registries: Corpus['registries'],
): Map<string, Owner | undefined> {
  const owners = new Map<string, Owner | undefined>();
  // Each registry once: every runbook of a tree shares its registry, and a registry has hundreds of owners.
  for (const registry of new Set([...registries, ...runbooks.map((runbook) => runbook.registry)])) {
    for (const [id, owner] of Object.entries(registry.owners)) if (!owners.has(id)) owners.set(id, owner);
  }
  for (const runbook of runbooks) for (const id of ownerIdsOf(runbook)) if (!owners.has(id)) owners.set(id, undefined);
  return new Map([...owners].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whom a window occurrence concerns: the runbook's owners, and the owners of the tasks run inside it. */
export function windowOwners(window: { runbook: Runbook; tasks: ReadonlyArray<{ task: Item<Task> }> }): Set<string> {
  const owners = new Set(window.runbook.owners);
  for (const run of window.tasks) if (run.task.value.owner !== undefined) owners.add(run.task.value.owner);
  return owners;
}

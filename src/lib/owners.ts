import { isPlaceholder, ownerIn, ownerOf, type Escalation, type Item, type Owner, type Runbook, type Task } from '@almanac/verifier';

export { ownerIdsOf, ownerOf } from '@almanac/verifier';

type Monitor = Runbook['monitors'][number]['value'];

/** What one owner id stands for across the runbooks. */
export interface OwnerRecord {
  id: string;
  /** Undefined when no owners.yaml has the id (the verifier reports it as owner-unknown). */
  owner?: Owner;
  runbooks: Runbook[];
  tasks: Array<{ runbook: Runbook; task: Item<Task> }>;
  escalations: Array<{ runbook: Runbook; level: Item<Escalation> }>;
  monitors: Array<{ runbook: Runbook; monitor: Item<Monitor> }>;
}

const namesIn = new WeakMap<Record<string, Owner>, Map<string, number>>();

/**
 * An owner's name where it has to stand alone, as a search filter value or a menu entry: with
 * its id when another owner of the registry has the same name ("System Administrator
 * (mvono-system-administrator)"), so that two owners never merge into one.
 */
export function distinctOwnerName(owners: Record<string, Owner>, id: string): string {
  const owner = ownerIn(owners, id);
  if (!owner) return id;
  let counts = namesIn.get(owners);
  if (!counts) {
    counts = new Map();
    for (const other of Object.values(owners)) counts.set(other.name, (counts.get(other.name) ?? 0) + 1);
    namesIn.set(owners, counts);
  }
  return counts.get(owner.name)! > 1 ? `${owner.name} (${id})` : owner.name;
}

/**
 * Every owner of every registry, and every id a runbook names that no registry has, with what
 * each one owns; sorted by name so the owners page reads like a directory.
 */
export function ownerRecords(runbooks: readonly Runbook[], registries: ReadonlyArray<{ owners: Record<string, Owner> }>): OwnerRecord[] {
  const records = new Map<string, OwnerRecord>();
  const recordOf = (id: string, owner?: Owner): OwnerRecord => {
    let record = records.get(id);
    if (!record) records.set(id, (record = { id, owner, runbooks: [], tasks: [], escalations: [], monitors: [] }));
    record.owner ??= owner;
    return record;
  };
  for (const registry of registries) for (const [id, owner] of Object.entries(registry.owners)) recordOf(id, owner);
  for (const runbook of runbooks) {
    const of = (id: string) => recordOf(id, ownerOf(runbook, id));
    for (const id of runbook.owners) of(id).runbooks.push(runbook);
    for (const task of runbook.tasks) of(task.value.owner).tasks.push({ runbook, task });
    for (const level of runbook.escalation) of(level.value.owner).escalations.push({ runbook, level });
    for (const monitor of runbook.monitors) if (monitor.value.owner) of(monitor.value.owner).monitors.push({ runbook, monitor });
  }
  const name = (r: OwnerRecord) => (r.owner?.name ?? r.id).toLowerCase();
  return [...records.values()].sort((a, b) => name(a).localeCompare(name(b), 'en') || a.id.localeCompare(b.id, 'en'));
}

/** The systems an owner works on, through any runbook, task, escalation level or monitor. */
export function systemsOf(record: OwnerRecord): string[] {
  const runbooks = [...record.runbooks, ...record.tasks, ...record.escalations, ...record.monitors].map((x) => ('runbook' in x ? x.runbook : x));
  return [...new Set(runbooks.map((r) => r.system))].sort();
}

/** A way to reach an owner that is not a placeholder: what a reader can call or write to at 3 a.m. */
export interface Reachable {
  kind: 'email' | 'phone' | 'text';
  value: string;
  /** The person of a team it reaches: "Primary: Jane Doe". */
  who?: string;
}

/** An owner's real contacts, the owner's own first, then each named person's; placeholders left out. */
export function reachableContacts(owner: Owner | undefined): Reachable[] {
  if (!owner) return [];
  const real = (value: string | undefined) => value !== undefined && !isPlaceholder(value);
  const found: Reachable[] = [];
  if (real(owner.phone)) found.push({ kind: 'phone', value: owner.phone! });
  if (real(owner.email)) found.push({ kind: 'email', value: owner.email! });
  if (real(owner.contact)) found.push({ kind: 'text', value: owner.contact! });
  for (const person of owner.contacts ?? []) {
    const who = [person.role, real(person.name) ? person.name : undefined].filter(Boolean).join(': ') || undefined;
    if (real(person.phone)) found.push({ kind: 'phone', value: person.phone!, who });
    if (real(person.email)) found.push({ kind: 'email', value: person.email!, who });
  }
  return found;
}

/** Why an owner without a real contact has none: placeholders, none given (automation), or no entry in owners.yaml. */
export function unreachableBecause(owner: Owner | undefined): 'placeholder' | 'none' | 'unknown' {
  if (!owner) return 'unknown';
  const given = [owner.phone, owner.email, owner.contact, ...(owner.contacts ?? []).flatMap((p) => [p.phone, p.email])];
  return given.some((value) => value !== undefined) ? 'placeholder' : 'none';
}

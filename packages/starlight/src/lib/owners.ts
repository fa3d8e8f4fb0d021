import {
  ownerDirectory,
  ownerIn,
  ownerReferences,
  type Corpus,
  type Escalation,
  type Item,
  type Owner,
  type Runbook,
  type Task,
  type Window,
} from '@almanac/verifier/internal';

import { contactsInOrder, isPlaceholder, type ContactWay } from '@almanac/verifier/time-words';

export { ownerIdsOf, ownerOf } from '@almanac/verifier/internal';

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
 * Every owner of the verifier's directory (every registry, and every id a runbook names that no
 * registry has), with what each one owns; sorted by name so the owners page reads like a directory.
 */
export function ownerRecords(runbooks: readonly Runbook[], registries: Corpus['registries']): OwnerRecord[] {
  const records = new Map<string, OwnerRecord>();
  for (const [id, owner] of ownerDirectory(runbooks, registries))
    records.set(id, { id, owner, runbooks: [], tasks: [], escalations: [], monitors: [] });
  for (const runbook of runbooks) {
    for (const reference of ownerReferences(runbook)) {
      const record = records.get(reference.owner)!;
      if (reference.list === 'owners') record.runbooks.push(runbook);
      else if (reference.list === 'tasks') record.tasks.push({ runbook, task: reference.item });
      else if (reference.list === 'escalation') record.escalations.push({ runbook, level: reference.item });
      else record.monitors.push({ runbook, monitor: reference.item });
    }
  }
  const name = (r: OwnerRecord) => (r.owner?.name ?? r.id).toLowerCase();
  return [...records.values()].sort((a, b) => name(a).localeCompare(name(b), 'en') || a.id.localeCompare(b.id, 'en'));
}

/** An owner's own page: its runbooks, windows and tasks (the owners index links each one there). */
export function ownerHref(id: string): string {
  return `/owners/${id}/`;
}

/** A window an owner's feed holds occurrences of; `through`, when it is not the owner's runbook's. */
export interface OwnedWindow {
  runbook: Runbook;
  window: Window;
  /** Its tasks that run in the window, when only those bring it into the owner's feed; `replaces`, the window they name, when this one supersedes it. */
  through?: { tasks: Task[]; replaces?: Window };
}

/**
 * The windows an owner's feed holds occurrences of, as the feeds file them: every window of the
 * runbooks it owns, and in other runbooks the windows its tasks run in, the window each names or
 * one that supersedes it, on the occurrences that hold such a task only.
 */
export function ownedWindows(record: Pick<OwnerRecord, 'runbooks' | 'tasks'>): OwnedWindow[] {
  const owned = new Set(record.runbooks);
  const windows: OwnedWindow[] = record.runbooks.flatMap((runbook) =>
    runbook.windows.map((w) => ({ runbook, window: w.value })),
  );
  const byWindow = new Map<Window, OwnedWindow & { through: NonNullable<OwnedWindow['through']> }>();
  for (const { runbook, task } of record.tasks) {
    if (owned.has(runbook) || task.value.window === undefined) continue;
    const named = runbook.windows.find((w) => w.value.id === task.value.window)?.value;
    if (!named) continue;
    for (const window of [
      named,
      ...runbook.windows.map((w) => w.value).filter((w) => w.supersedes?.includes(named.id)),
    ]) {
      let entry = byWindow.get(window);
      if (!entry)
        byWindow.set(
          window,
          (entry = { runbook, window, through: { tasks: [], ...(window === named ? {} : { replaces: named }) } }),
        );
      entry.through.tasks.push(task.value);
    }
  }
  return [...windows, ...byWindow.values()];
}

/** The systems an owner works on, through any runbook, task, escalation level or monitor. */
export function systemsOf(record: OwnerRecord): string[] {
  const runbooks = [...record.runbooks, ...record.tasks, ...record.escalations, ...record.monitors].map((x) =>
    'runbook' in x ? x.runbook : x,
  );
  return [...new Set(runbooks.map((r) => r.system))].sort();
}

/** A way to reach an owner that is not a placeholder: what a reader can call or write to at 3 a.m. */
export interface Reachable extends ContactWay {
  /** The person of a team it reaches: "Primary: Jane Doe". */
  who?: string;
}

/** The escalation entries at a runbook's first (lowest) level, in the order written: whom to call first. */
export function firstEscalationLevel(runbook: Runbook): Escalation[] {
  const first = Math.min(...runbook.escalation.map((e) => e.value.level));
  return runbook.escalation.filter((e) => e.value.level === first).map((e) => e.value);
}

/** An owner's real contacts in the one order (`contactsInOrder`), placeholders left out. */
export function reachableContacts(owner: Owner | undefined): Reachable[] {
  if (!owner) return [];
  const real = (way: ContactWay) => !isPlaceholder(way.value);
  const { ways, people } = contactsInOrder(owner);
  return [
    ...ways.filter(real),
    ...people.flatMap((person) => {
      const who =
        [person.role, person.name !== undefined && !isPlaceholder(person.name) ? person.name : undefined]
          .filter(Boolean)
          .join(': ') || undefined;
      return person.ways.filter(real).map((way) => ({ ...way, ...(who && { who }) }));
    }),
  ];
}

/** A contact as a link: tel: with the digits alone, mailto:; none for free text. */
export function contactHref(value: string, kind: Reachable['kind']): string | undefined {
  return kind === 'email' ? `mailto:${value}` : kind === 'phone' ? `tel:${value.replace(/[^\d+]/g, '')}` : undefined;
}

/** Why an owner without a real contact has none: placeholders, none given (automation), or no entry in owners.yaml. */
export function unreachableBecause(owner: Owner | undefined): 'placeholder' | 'none' | 'unknown' {
  if (!owner) return 'unknown';
  const given = [owner.phone, owner.email, owner.contact, ...(owner.contacts ?? []).flatMap((p) => [p.phone, p.email])];
  return given.some((value) => value !== undefined) ? 'placeholder' : 'none';
}

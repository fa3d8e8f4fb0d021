import type { Corpus, Runbook } from '../../load/corpus.ts';
import { ownerDirectory } from '../../schedule/owners.ts';
import type { TimeEngine } from '../../time/engine.ts';
import { scheduleWindows, type ScheduledWindow, type TaskRun } from './schedule.ts';

/** A calendar to publish, by what its head says. */
export interface FeedHead {
  /** The feed's path under /calendars/, without `.ics`: `all`, `system/<system>`, `owner/<owner>`. */
  path: string;
  name: string;
  description: string;
}

/** One calendar to publish: which windows, under which name. */
export interface FeedSet extends FeedHead {
  windows: ScheduledWindow[];
  /** The engine that expanded them: its horizon and zones are the feed's. */
  time: TimeEngine;
}

// No comma or semicolon: they would be escaped, and ical.js, like some clients, shows X-WR-CALDESC unescaped.
const HOW =
  'Times are exact instants and each event gives the local time. The feed covers a rolling horizon and is rebuilt daily: subscribe to it rather than import it.';

/**
 * Every feed the site publishes: all windows, one feed per system, one per owner. An owner's
 * feed has the windows of the runbooks it owns and every window occurrence holding a task it
 * owns. Every known owner and system gets a feed, even an empty one, so a subscription made
 * today still resolves when its windows come and go.
 */
export function feedSets(
  { runbooks, registries }: Pick<Corpus, 'runbooks' | 'registries'>,
  time: TimeEngine,
): FeedSet[] {
  const windows = scheduleWindows(runbooks, time);
  // One pass files each occurrence under its system and owners, in order: no feed scans them all.
  const bySystem = new Map<string, ScheduledWindow[]>();
  const byOwner = new Map<string, ScheduledWindow[]>();
  const listOf = (index: Map<string, ScheduledWindow[]>, key: string) => {
    let list = index.get(key);
    if (!list) index.set(key, (list = []));
    return list;
  };
  // The lists an occurrence goes in are found once per runbook and per task, not by system and
  // owner for each of a large organisation's 800,000 occurrences. Occurrences come in order, so
  // one already in a list (an owner of the runbook and of a task in it) is that list's last.
  const ofRunbook = new Map<Runbook, ScheduledWindow[][]>();
  const ofTask = new Map<TaskRun['task'], ScheduledWindow[] | undefined>();
  const file = (list: ScheduledWindow[] | undefined, window: ScheduledWindow) => {
    if (list && list[list.length - 1] !== window) list.push(window);
  };
  for (const window of windows) {
    let lists = ofRunbook.get(window.runbook);
    if (!lists)
      ofRunbook.set(
        window.runbook,
        (lists = [
          listOf(bySystem, window.runbook.system),
          ...window.runbook.owners.map((owner) => listOf(byOwner, owner)),
        ]),
      );
    for (const list of lists) file(list, window);
    for (const { task } of window.tasks) {
      let list = ofTask.get(task);
      if (list === undefined && !ofTask.has(task))
        ofTask.set(task, (list = task.value.owner === undefined ? undefined : listOf(byOwner, task.value.owner)));
      file(list, window);
    }
  }
  const [all, ...rest] = feedHeads({ runbooks, registries });
  return [
    { ...all!, windows, time },
    ...rest.map((head) => ({
      ...head,
      windows:
        (head.path.startsWith('system/') ? bySystem : byOwner).get(head.path.slice(head.path.indexOf('/') + 1)) ?? [],
      time,
    })),
  ];
}

/** The feeds the site publishes, by their heads, without expanding a window: `all` first, then each system's, then each owner's. */
export function feedHeads({ runbooks, registries }: Pick<Corpus, 'runbooks' | 'registries'>): FeedHead[] {
  const systems = [...new Set(runbooks.map((runbook) => runbook.system))].sort();
  return [
    {
      path: 'all',
      name: 'Almanac: all maintenance windows',
      description: `Maintenance windows of every system in the runbooks. ${HOW}`,
    },
    ...systems.map((system) => ({
      path: `system/${system}`,
      name: `Almanac: ${system} maintenance`,
      description: `Maintenance windows of ${system}. ${HOW}`,
    })),
    ...[...ownerDirectory(runbooks, registries)].map(([id, owner]) => ({
      path: `owner/${id}`,
      name: `Almanac: maintenance for ${owner?.name ?? id}`,
      description: `Maintenance windows of the runbooks ${owner?.name ?? id} owns, and those holding its tasks. ${HOW}`,
    })),
  ];
}

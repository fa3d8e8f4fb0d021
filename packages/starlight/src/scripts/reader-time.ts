/*
 * Progressive enhancement of the times the build wrote in UTC and the runbooks' zones:
 * - each `<time data-zone>` is also shown in the reader's zone, or in the zone the reader picked
 *   (their own, UTC, or the runbook's), remembered across pages;
 * - the home page and runbook pages say, at the hour they are read, what is in maintenance now
 *   and what comes next, from the occurrences the build embedded (#live-schedule).
 * Without JavaScript the pages keep the build's text, which names its zones.
 */
import type { LiveOccurrence, LiveSchedule } from '../lib/live-schedule.ts';
import { clockSpanWords, occurrenceWords, zoneLabel, type Clock } from '@almanac/verifier/time-words';

type Mode = 'reader' | 'utc' | 'own';
const MODES: readonly Mode[] = ['reader', 'utc', 'own'];
const STORAGE_KEY = 'almanac-zone';
const READER = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();
const clock: Clock = (instant, zone) => {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
};

function storedMode(): Mode {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return MODES.includes(value as Mode) ? (value as Mode) : 'reader';
  } catch {
    return 'reader';
  }
}

/** The zones the same name stands for, so a reader in Nairobi is not told Nairobi's time twice. */
const sameZone = (a: string, b: string) => a === b || zoneLabel(a) === zoneLabel(b);

/** "21:00–23:00 New York" without its date, when the text beside it already names that date. */
function words(start: number, end: number, allDay: boolean, zone: string, shownDate: string | undefined): string {
  return !allDay && clock(start, zone).date === shownDate ? clockSpanWords(start, end, zone, clock) : occurrenceWords({ start, end, allDay }, zone, clock);
}

/**
 * Shows one `<time data-zone>` in the chosen mode, the build's text kept to come back to: for the
 * reader's zone, the build's text and the reader's time beside it, with its date when that is not
 * the date the text names; for UTC or the runbook's zone, the time in that zone alone.
 */
function showTime(element: HTMLTimeElement, mode: Mode): void {
  const start = Date.parse(element.dateTime);
  if (Number.isNaN(start)) return;
  const end = element.dataset.end ? Date.parse(element.dataset.end) : start;
  const ownZone = element.dataset.zone ?? 'UTC';
  const allDay = element.dataset.allDay !== undefined;
  // A span-only time sits under a heading that names its UTC date (the calendar's days).
  const spanOnly = element.dataset.format === 'span';
  element.dataset.built ??= element.textContent ?? '';
  const existing = element.nextElementSibling?.classList.contains('reader-time') ? element.nextElementSibling : undefined;
  let text = element.dataset.built;
  let extra: string | undefined;
  if (mode === 'reader') {
    const shown = (element.dataset.zones ?? ownZone).split(' ');
    const shownDate = clock(start, spanOnly ? 'UTC' : shown[0]!).date;
    if (!shown.some((zone) => sameZone(zone, READER))) extra = ` · your time: ${words(start, end, false, READER, shownDate)}`;
  } else {
    text = words(start, end, allDay, mode === 'utc' ? 'UTC' : ownZone, spanOnly ? clock(start, 'UTC').date : undefined);
  }
  // Left alone when unchanged: a time inside a live region would be read out again.
  if (element.textContent !== text) element.textContent = text;
  if (existing?.textContent === extra) return;
  existing?.remove();
  if (extra) {
    const span = document.createElement('span');
    span.className = 'reader-time';
    span.textContent = extra;
    element.after(span);
  }
}

function showTimes(root: ParentNode, mode: Mode): void {
  for (const element of root.querySelectorAll<HTMLTimeElement>('time[data-zone]')) showTime(element, mode);
}

/** A `<time>` the enhancement handles like the build's own. */
function timeElement(start: number, end: number | undefined, zone: string): HTMLTimeElement {
  const element = document.createElement('time');
  element.dateTime = new Date(start).toISOString();
  if (end !== undefined) element.dataset.end = new Date(end).toISOString();
  element.dataset.zone = zone;
  element.dataset.zones = zone === 'UTC' ? 'UTC' : `${zone} UTC`;
  const words = occurrenceWords({ start, end: end ?? start }, zone, clock);
  element.textContent = zone === 'UTC' ? words : `${words} (${clockSpanWords(start, end ?? start, 'UTC', clock)})`;
  return element;
}

function windowLink(schedule: LiveSchedule, index: number, withSystem: boolean): DocumentFragment {
  const window = schedule.windows[index]!;
  const fragment = document.createDocumentFragment();
  const link = document.createElement('a');
  link.href = window.href;
  link.textContent = window.title;
  fragment.append(link);
  if (withSystem) fragment.append(` (${window.system})`);
  return fragment;
}

/**
 * The schedule's occurrences by runbook and by owner, in start order, picked out once: every
 * status on the page (a home page has one per runbook) is worked out again each minute.
 */
function grouped(schedule: LiveSchedule): { byRunbook: Map<string, LiveOccurrence[]>; byOwner: Map<string, LiveOccurrence[]> } {
  const byRunbook = new Map<string, LiveOccurrence[]>();
  const byOwner = new Map<string, LiveOccurrence[]>();
  const add = (groups: Map<string, LiveOccurrence[]>, key: string, occurrence: LiveOccurrence) => {
    const group = groups.get(key);
    if (group) group.push(occurrence);
    else groups.set(key, [occurrence]);
  };
  for (const occurrence of schedule.occurrences) {
    const window = schedule.windows[occurrence[2]]!;
    add(byRunbook, window.runbook, occurrence);
    for (const owner of new Set([...window.owners, ...(occurrence[3] ?? [])])) add(byOwner, owner, occurrence);
  }
  return { byRunbook, byOwner };
}

/** What is in maintenance at `now` and what comes next, among these occurrences (of one runbook, of one owner, or all). */
function statusAt(schedule: LiveSchedule, now: number, mine: readonly LiveOccurrence[]) {
  return {
    current: mine.filter(([start, end]) => start <= now && now < end),
    // Past `until` only each window's first later occurrence is known, so which is next is not.
    next: now >= schedule.until ? undefined : mine.find(([start]) => start > now),
    stale: now >= schedule.until,
  };
}

function renderLive(schedule: LiveSchedule, groups: ReturnType<typeof grouped>, now: number): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-live]')) {
    const runbook = element.dataset.runbook || undefined;
    const owner = element.dataset.owner;
    const mine = runbook !== undefined ? groups.byRunbook.get(runbook) : owner !== undefined ? (groups.byOwner.get(owner) ?? []) : schedule.occurrences;
    // A runbook that defines no windows keeps the build's words for it ("none defined").
    if (mine === undefined) continue;
    const { current, next, stale } = statusAt(schedule, now, mine);
    // Rendered again only when the answer changes: the status is a live region, read out on each change.
    const state = JSON.stringify([current, next, stale]);
    if (element.dataset.state === state) continue;
    element.dataset.state = state;
    const many = runbook === undefined;
    const parts: Array<Node | string> = [];
    if (element.dataset.live === 'cell') {
      for (const [, end, i] of current) parts.push('Now: ', windowLink(schedule, i, false), ', until ', timeElement(end, undefined, schedule.windows[i]!.zone), '. ');
      if (next) parts.push(current.length ? 'Then ' : '', windowLink(schedule, next[2], false), ': ', timeElement(next[0], next[1], schedule.windows[next[2]]!.zone));
      else if (!current.length) parts.push(stale ? 'unknown: the site has not been rebuilt' : 'none');
    } else {
      const line = document.createElement('p');
      line.className = current.length ? 'live-now in-maintenance' : 'live-now';
      if (current.length) {
        line.append(Object.assign(document.createElement('strong'), { textContent: 'In maintenance now: ' }));
        current.forEach(([, end, i], n) => line.append(n ? '; ' : '', windowLink(schedule, i, many), ' until ', timeElement(end, undefined, schedule.windows[i]!.zone)));
      } else {
        line.append(Object.assign(document.createElement('strong'), { textContent: stale ? 'Not known whether in maintenance now: ' : 'Not in maintenance now.' }));
        if (stale) line.append(`this page lists windows only until ${occurrenceWords({ start: schedule.until, end: schedule.until }, 'UTC', clock)}; the site needs a rebuild.`);
      }
      const after = document.createElement('p');
      after.className = 'live-next';
      after.append(Object.assign(document.createElement('strong'), { textContent: 'Next window: ' }));
      if (next) after.append(windowLink(schedule, next[2], many), ', ', timeElement(next[0], next[1], schedule.windows[next[2]]!.zone));
      else after.append(stale ? 'not known: the site has not been rebuilt.' : 'none scheduled.');
      parts.push(line, after);
    }
    element.replaceChildren(...parts);
  }
}

/** "3 hours ago", "2 days ago": how old the build is, beside its date. */
function age(builtAt: number, now: number): string {
  const minutes = Math.max(0, Math.round((now - builtAt) / 60_000));
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `${Math.round(hours / 24)} days ago`;
}

function setUpSwitch(mode: Mode, apply: (mode: Mode) => void): void {
  const select = document.querySelector<HTMLSelectElement>('.zone-switch select');
  if (!select) return;
  const reader = select.querySelector<HTMLOptionElement>('option[value="reader"]');
  if (reader) reader.textContent = `Your time zone (${zoneLabel(READER)})`;
  select.value = mode;
  select.closest<HTMLElement>('.zone-switch')!.hidden = false;
  select.addEventListener('change', () => {
    const chosen = MODES.includes(select.value as Mode) ? (select.value as Mode) : 'reader';
    try {
      localStorage.setItem(STORAGE_KEY, chosen);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page.
    }
    apply(chosen);
  });
}

function start(): void {
  const data = document.getElementById('live-schedule');
  const schedule = data ? (JSON.parse(data.textContent ?? '{}') as LiveSchedule) : undefined;
  const groups = schedule && grouped(schedule);
  let mode = storedMode();
  const render = () => {
    const now = Date.now();
    if (schedule && groups) renderLive(schedule, groups, now);
    const built = document.querySelector<HTMLElement>('.build-age');
    const builtAt = Date.parse(document.querySelector<HTMLTimeElement>('.build-info time')?.dateTime ?? '');
    if (built && !Number.isNaN(builtAt)) built.textContent = ` (${age(builtAt, now)})`;
    showTimes(document, mode);
  };
  if (document.querySelector('time[data-zone]')) {
    setUpSwitch(mode, (chosen) => {
      mode = chosen;
      showTimes(document, mode);
    });
  }
  render();
  // A page left open across the end of a window says so within a minute.
  setInterval(render, 60_000);
}

start();

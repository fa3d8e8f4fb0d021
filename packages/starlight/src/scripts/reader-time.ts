/*
 * Progressive enhancement of the times the build wrote in UTC and the runbooks' zones:
 * - each `<time data-zone>` is also shown in the reader's zone, or in the zone the reader picked
 *   (their own, UTC, or the runbook's), remembered across pages;
 * - the home page and runbook pages say, at the hour they are read, what is in maintenance now
 *   and what comes next, from the occurrences the build embedded (#live-schedule).
 * Without JavaScript the pages keep the build's text, which names its zones. What it says is
 * worked out in reader-words.ts, without the DOM; this module puts it on the page.
 */
import type { LiveOccurrence, LiveSchedule } from '../lib/live-schedule.ts';
import { formatDate, IMPACT_WORDS, zoneLabel } from '@almanac/verifier/time-words';
import {
  ageWords,
  agendaZoneWords,
  clock,
  countdownWords,
  grouped,
  liveTime,
  mondayOf,
  MODES,
  READER,
  staleWords,
  statusAt,
  timeInZones,
  zoneOfMode,
  type Mode,
} from './reader-words.ts';

const STORAGE_KEY = 'almanac-zone';

function storedMode(): Mode {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return MODES.includes(value as Mode) ? (value as Mode) : 'reader';
  } catch {
    return 'reader';
  }
}

/**
 * Shows one `<time data-zone>` in the chosen zone first, then, dimmer, in UTC and the runbook's
 * zone (each with its date where that is another day); the build's text is kept to come back to.
 * A span-only time sits under a day heading, which names the chosen zone's date (the calendar).
 */
function showTime(element: HTMLTimeElement, mode: Mode): void {
  const start = Date.parse(element.dateTime);
  if (Number.isNaN(start)) return;
  const end = element.dataset.end ? Date.parse(element.dataset.end) : start;
  const ownZone = element.dataset.zone ?? 'UTC';
  element.dataset.built ??= element.textContent ?? '';
  const existing = element.nextElementSibling?.classList.contains('also-in') ? element.nextElementSibling : undefined;
  const shown = {
    start,
    end,
    allDay: element.dataset.allDay !== undefined,
    ownZone,
    zones: (element.dataset.zones ?? '').split(' '),
    spanOnly: element.dataset.format === 'span',
  };
  const { text, extra } = timeInZones(shown, zoneOfMode(mode, ownZone));
  // Left alone when unchanged: a time inside a live region would be read out again.
  if (element.textContent !== text) element.textContent = text;
  if (existing?.textContent === extra) return;
  existing?.remove();
  if (extra) {
    const span = document.createElement('span');
    span.className = 'also-in';
    span.textContent = extra;
    element.after(span);
  }
}

function showTimes(root: ParentNode, mode: Mode): void {
  regroupAgenda(mode);
  for (const element of root.querySelectorAll<HTMLTimeElement>('time[data-zone]')) showTime(element, mode);
}

/**
 * The calendar's entries under the days they start on in the chosen zone (the build groups them by
 * UTC days): a New York reader finds Tuesday evening's window under Tuesday.
 */
function regroupAgenda(mode: Mode): void {
  const weeks = [...document.querySelectorAll<HTMLElement>('.agenda-week[data-monday]')];
  if (!weeks.length || document.documentElement.dataset.agendaDays === mode) return;
  document.documentElement.dataset.agendaDays = mode;
  const entries = [...document.querySelectorAll<HTMLElement>('.agenda-entry')];
  for (const day of document.querySelectorAll('.agenda-day')) day.remove();
  // The build's words in the window's own zone: each time now names it after the chosen zone's.
  for (const local of document.querySelectorAll('.agenda-local')) local.remove();
  const lists = new Map<string, HTMLElement>();
  for (const entry of entries) {
    const time = entry.querySelector<HTMLTimeElement>('time[data-zone]')!;
    const date = clock(Date.parse(time.dateTime), zoneOfMode(mode, time.dataset.zone ?? 'UTC')).date;
    let list = lists.get(date);
    if (!list) {
      const monday = mondayOf(date);
      // A day before the first week listed, or after the last, joins the nearest.
      const week =
        weeks.find((w) => w.dataset.monday === monday) ??
        (monday < weeks[0]!.dataset.monday! ? weeks[0]! : weeks.at(-1)!);
      list = element('ul', 'agenda-entries');
      week.append(
        element(
          'div',
          'agenda-day',
          Object.assign(element('h3', ''), { id: `day-${date}`, textContent: formatDate(date) }),
          list,
        ),
      );
      lists.set(date, list);
    }
    list.append(entry);
  }
  for (const week of weeks)
    week.querySelector<HTMLElement>('.agenda-none')!.hidden = week.querySelector('.agenda-day') !== null;
  const words = document.querySelector('.agenda-zone-words');
  if (words) words.textContent = agendaZoneWords(mode);
  document.dispatchEvent(new CustomEvent('almanac:agenda-regrouped'));
}

/** A `<time>` the enhancement handles like the build's own. */
function timeElement(start: number, end: number | undefined, zone: string): HTMLTimeElement {
  const markup = liveTime(start, end, zone);
  const element = document.createElement('time');
  element.dateTime = markup.datetime;
  if (markup.end !== undefined) element.dataset.end = markup.end;
  element.dataset.zone = markup.zone;
  element.dataset.zones = markup.zones;
  if (markup.allDay) element.dataset.allDay = '';
  element.textContent = markup.text;
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

function renderLive(schedule: LiveSchedule, groups: ReturnType<typeof grouped>, now: number): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-live]')) {
    const runbook = element.dataset.runbook || undefined;
    const owner = element.dataset.owner;
    const mine =
      runbook !== undefined
        ? groups.byRunbook.get(runbook)
        : owner !== undefined
          ? (groups.byOwner.get(owner) ?? [])
          : schedule.occurrences;
    // A runbook none of whose windows the list holds keeps the build's words for it.
    if (mine === undefined) continue;
    const { current, next, stale } = statusAt(schedule, now, mine);
    // Rendered again only when the answer changes: the status is a live region, read out on each change.
    const state = JSON.stringify([current, next, stale]);
    if (element.dataset.state === state) continue;
    element.dataset.state = state;
    const many = runbook === undefined;
    element.replaceChildren(
      ...nowCards(schedule, current, now, many, stale),
      ...nextLines(schedule, mine, now, many, stale, owner !== undefined ? 1 : 3),
    );
  }
}

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] => {
  const made = document.createElement(tag);
  made.className = className;
  made.append(...children);
  return made;
};

/** "1 h 30 min left", "in 3 days": kept up to date each minute by `tick`, without redrawing the status around it. */
function countdown(tag: 'strong' | 'span', to: number, words: 'left' | 'in', now: number): HTMLElement {
  const made = element(tag, words === 'left' ? 'time-left' : 'time-until');
  made.dataset.to = String(to);
  // Its minute-by-minute change is not news: the status's live region reads out new windows, not each minute less.
  made.setAttribute('aria-live', 'off');
  tickOne(made, now);
  return made;
}

function tickOne(made: HTMLElement, now: number): void {
  const text = countdownWords(Number(made.dataset.to), now, made.classList.contains('time-left') ? 'left' : 'in');
  if (made.textContent !== text) made.textContent = text;
}

/**
 * Each listed occurrence (the calendar's, a runbook's next ones) against the clock: the one under
 * way marked "in progress" with its time left, past ones dimmed.
 */
function markProgress(now: number): void {
  for (const made of document.querySelectorAll<HTMLElement>('.time-left[data-to], .time-until[data-to]'))
    tickOne(made, now);
  for (const time of document.querySelectorAll<HTMLTimeElement>(
    '.agenda-entry > time[data-end], .window-next li > time[data-end]',
  )) {
    const item = time.closest('li')!;
    const start = Date.parse(time.dateTime);
    const end = Date.parse(time.dataset.end!);
    const under = start <= now && now < end;
    item.classList.toggle('is-past', end <= now);
    item.classList.toggle('in-progress', under);
    let mark = item.querySelector<HTMLElement>(':scope > .progress-mark');
    if (!under) {
      mark?.remove();
      continue;
    }
    if (!mark) {
      mark = element(
        'span',
        'progress-mark',
        element('strong', '', 'in progress'),
        ', ',
        countdown('span', end, 'left', now),
      );
      mark.querySelector('.time-left')!.className = 'time-left';
      (time.nextElementSibling?.classList.contains('also-in') ? time.nextElementSibling : time).after(' ', mark);
    }
  }
}

/** One card per window under way: what, which system, how bad, until when, how long still, and whom to call. */
function nowCards(
  schedule: LiveSchedule,
  current: readonly LiveOccurrence[],
  now: number,
  many: boolean,
  stale: boolean,
): HTMLElement[] {
  if (!current.length) {
    const line = element(
      'p',
      'live-now',
      element('strong', '', stale ? 'Not known whether in maintenance now: ' : 'Not in maintenance now.'),
    );
    if (stale) line.append(staleWords(schedule.until));
    return [line];
  }
  const cards = element('ul', 'status-cards');
  for (const [, end, i] of current) {
    const window = schedule.windows[i]!;
    const call = element('p', 'card-call', 'Call first: ', window.call.name);
    if (window.call.contact) {
      const { text, href } = window.call.contact;
      call.append(', ', href ? Object.assign(element('a', 'call-link', text), { href }) : text);
    } else call.append(' (no reachable contact)');
    cards.append(
      element(
        'li',
        `status-card impact-${window.impact}`,
        element(
          'p',
          'card-title',
          windowLink(schedule, i, false),
          ' ',
          element('span', 'card-system', window.system),
          ' ',
          element('span', `card-impact impact-${window.impact}`, IMPACT_WORDS[window.impact]),
        ),
        element(
          'p',
          'card-ends',
          'Ends ',
          timeElement(end, undefined, window.zone),
          ' ',
          countdown('strong', end, 'left', now),
        ),
        call,
      ),
    );
  }
  const title = element(
    'p',
    'live-now in-maintenance',
    element('strong', '', 'In maintenance now'),
    current.length > 1 || many ? ` (${current.length} window${current.length === 1 ? '' : 's'})` : '',
  );
  return [title, cards];
}

/** The next `count` occurrences, each with how soon it starts. */
function nextLines(
  schedule: LiveSchedule,
  mine: readonly LiveOccurrence[],
  now: number,
  many: boolean,
  stale: boolean,
  count: number,
): HTMLElement[] {
  const after = element('p', 'live-next', element('strong', '', 'Next window: '));
  const upcoming = stale ? [] : mine.filter(([start]) => start > now).slice(0, count);
  const line = ([start, end, i]: LiveOccurrence, into: HTMLElement) =>
    into.append(
      windowLink(schedule, i, many),
      ', ',
      countdown('span', start, 'in', now),
      ': ',
      timeElement(start, end, schedule.windows[i]!.zone),
    );
  if (!upcoming.length) {
    after.append(stale ? 'not known: the site has not been rebuilt.' : 'none scheduled.');
    return [after];
  }
  line(upcoming[0]!, after);
  if (upcoming.length === 1) return [after];
  const later = element('ul', 'live-later');
  for (const occurrence of upcoming.slice(1)) line(occurrence, later.appendChild(element('li', '', 'Then ')));
  return [after, later];
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
    markProgress(now);
    const built = document.querySelector<HTMLElement>('.build-age');
    const builtAt = Date.parse(document.querySelector<HTMLTimeElement>('.build-info time')?.dateTime ?? '');
    if (built && !Number.isNaN(builtAt)) built.textContent = ` (${ageWords(builtAt, now)})`;
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

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { waitFor } from '../processes.ts';
import { alertingOf } from './generate.ts';
import { hookRoute, postAlerts, startAlertmanager, webhookReceiver } from './consumers.ts';

/*
 * Alertmanager itself, on 127.0.0.1, with the intervals and routes generated from a runbook tree
 * in which system `quiet` is in a maintenance window now and system `loud` is not: an alert of
 * each, and only `loud`'s reaches the webhook receiver this test runs.
 */

const ZONE = 'Asia/Kolkata';
let dir: string;
let alertmanager: Awaited<ReturnType<typeof startAlertmanager>> | undefined;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

/** HH:MM on the clock in ZONE, some minutes from now. */
function clockIn(minutesFromNow: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(Date.now() + minutesFromNow * 60_000);
}

function runbook(system: string, start: string): string {
  return `---\nid: ${system}\ntitle: ${system}\nsystem: ${system}\nowners: [ops]\ntimezone: ${ZONE}\nwindows:\n  - { id: daily, title: Daily, rrule: FREQ=DAILY, start: "${start}", duration: PT1H, impact: downtime }\n---\n`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'almanac-alertmanager-'));
  mkdirSync(join(dir, 'runbooks'));
  writeFileSync(join(dir, 'runbooks/owners.yaml'), 'ops:\n  name: Operations\n  email: ops@example.com\n');
  // quiet's window began ten minutes ago and lasts an hour; loud's begins in twelve hours.
  writeFileSync(join(dir, 'runbooks/quiet.mdx'), runbook('quiet', clockIn(-10)));
  writeFileSync(join(dir, 'runbooks/loud.mdx'), runbook('loud', clockIn(12 * 60)));
  const { intervals, routes } = alertingOf(dir, new Date().toISOString().slice(0, 10));

  receiver = await webhookReceiver();
  const { route, receivers } = hookRoute(receiver.url);
  const config = {
    route: { ...route, routes },
    receivers,
    time_intervals: intervals.map(({ name, time_intervals }) => ({ name, time_intervals })),
  };
  writeFileSync(join(dir, 'alertmanager.yml'), stringify(config));
  alertmanager = await startAlertmanager(join(dir, 'alertmanager.yml'), dir);
}, 20_000);

afterAll(async () => {
  await alertmanager?.stop();
  await receiver?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Alertmanager with the generated intervals and routes', () => {
  it('sends the alert of the system outside its window, and mutes the one inside it', async () => {
    expect(await postAlerts(alertmanager!.url, 'AlmanacEndToEnd', ['quiet', 'loud'], { severity: 'critical' })).toBe(
      true,
    );
    const { received } = receiver;
    await waitFor('loud alert at the receiver', 10_000, () => received.find((labels) => labels.system === 'loud'), {
      every: 100,
      context: alertmanager!.log,
    });
    // Both groups flushed at the same group_wait; a few more group_intervals for the muted one to show if it were sent.
    await new Promise((r) => setTimeout(r, 3000));
    expect(received.map((labels) => labels.system)).toEqual(['loud']);
    const held = (await (await fetch(`${alertmanager!.url}/api/v2/alerts`)).json()) as Array<{
      labels: { system: string };
    }>;
    expect(held.map((a) => a.labels.system).sort()).toEqual(['loud', 'quiet']);
  });
});

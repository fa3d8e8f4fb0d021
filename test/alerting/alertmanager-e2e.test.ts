import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { freePort, stopChild, waitFor } from '../processes.ts';
import { alertingOf } from './generate.ts';

/*
 * Alertmanager itself, on 127.0.0.1, with the intervals and routes generated from a runbook tree
 * in which system `quiet` is in a maintenance window now and system `loud` is not: an alert of
 * each, and only `loud`'s reaches the webhook receiver this test runs.
 */

const ZONE = 'Asia/Kolkata';
let dir: string;
let alertmanager: ChildProcess | undefined;
let receiver: Server;
let amUrl: string;
let amLog = '';
const received: Array<{ system: string }> = [];

/** HH:MM on the clock in ZONE, some minutes from now. */
function clockIn(minutesFromNow: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now() + minutesFromNow * 60_000);
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

  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      for (const alert of JSON.parse(body).alerts) received.push(alert.labels);
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/`;

  const config = {
    route: { receiver: 'hook', group_by: ['system'], group_wait: '1s', group_interval: '1s', repeat_interval: '1h', routes },
    receivers: [{ name: 'hook', webhook_configs: [{ url: hook, send_resolved: false }] }],
    time_intervals: intervals.map(({ name, time_intervals }) => ({ name, time_intervals })),
  };
  writeFileSync(join(dir, 'alertmanager.yml'), stringify(config));
  const port = await freePort();
  amUrl = `http://127.0.0.1:${port}`;
  alertmanager = spawn('prometheus-alertmanager', [`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
  alertmanager.stdout!.on('data', (d) => (amLog += d));
  alertmanager.stderr!.on('data', (d) => (amLog += d));
  await waitFor(
    'Alertmanager ready',
    10_000,
    async () => {
      if (alertmanager?.exitCode !== null) throw new Error(`Alertmanager exited: ${amLog}`);
      return (await fetch(`${amUrl}/-/ready`).catch(() => undefined))?.ok || undefined;
    },
    { every: 100, context: () => amLog },
  );
}, 20_000);

afterAll(async () => {
  await stopChild(alertmanager, 3000);
  await new Promise((resolve) => receiver?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Alertmanager with the generated intervals and routes', () => {
  it('sends the alert of the system outside its window, and mutes the one inside it', async () => {
    const now = new Date();
    const alert = (system: string) => ({ labels: { alertname: 'AlmanacEndToEnd', system, severity: 'critical' }, startsAt: now.toISOString(), endsAt: new Date(now.getTime() + 3_600_000).toISOString() });
    const posted = await fetch(`${amUrl}/api/v2/alerts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([alert('quiet'), alert('loud')]) });
    expect(posted.ok).toBe(true);
    await waitFor('loud alert at the receiver', 10_000, () => received.find((labels) => labels.system === 'loud'), { every: 100, context: () => amLog });
    // Both groups flushed at the same group_wait; a few more group_intervals for the muted one to show if it were sent.
    await new Promise((r) => setTimeout(r, 3000));
    expect(received.map((labels) => labels.system)).toEqual(['loud']);
    const held = (await (await fetch(`${amUrl}/api/v2/alerts`)).json()) as Array<{ labels: { system: string } }>;
    expect(held.map((a) => a.labels.system).sort()).toEqual(['loud', 'quiet']);
  });
});

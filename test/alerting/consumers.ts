import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { freePort, stopChild, waitFor } from '../processes.ts';

/* The real consumers of the generated alerting files: promtool, amtool and a live Alertmanager (Debian's packages). */

/** promtool or amtool run in `cwd`: its exit code and everything it printed. */
export function tool(command: string, args: string[], cwd: string) {
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 20_000 });
  if (run.error)
    throw new Error(
      `${command} could not run (${run.error.message}); install Debian's prometheus and prometheus-alertmanager`,
    );
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A webhook receiver on 127.0.0.1: the labels of every alert Alertmanager sends it, in order. */
export async function webhookReceiver(): Promise<{
  url: string;
  received: Array<Record<string, string>>;
  close: () => Promise<void>;
}> {
  const received: Array<Record<string, string>> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      for (const alert of JSON.parse(body).alerts) received.push(alert.labels);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The route and receiver that send every alert, grouped by system, to `hook` within a second or two. */
export function hookRoute(hook: string) {
  return {
    route: { receiver: 'hook', group_by: ['system'], group_wait: '1s', group_interval: '1s', repeat_interval: '1h' },
    receivers: [{ name: 'hook', webhook_configs: [{ url: hook, send_resolved: false }] }],
  };
}

/**
 * Debian's Alertmanager on 127.0.0.1 with a config file, its data under `dir`, once it is ready;
 * `stop` ends it. Its log is in the error if it exits or is not ready within 10 s.
 */
export async function startAlertmanager(
  configFile: string,
  dir: string,
): Promise<{ url: string; log: () => string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(
    'prometheus-alertmanager',
    [
      `--config.file=${configFile}`,
      `--storage.path=${join(dir, `data-${port}`)}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const stop = () => stopChild(child, 3000);
  try {
    await waitFor(
      'Alertmanager ready',
      10_000,
      async () => {
        if (child.exitCode !== null) throw new Error(`Alertmanager exited: ${log}`);
        return (await fetch(`${url}/-/ready`).catch(() => undefined))?.ok || undefined;
      },
      { every: 100, context: () => log },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, log: () => log, stop };
}

/** Posts one firing alert per system, labelled `alertname` and `system`, to a running Alertmanager. */
export async function postAlerts(
  url: string,
  alertname: string,
  systems: readonly string[],
  labels: Record<string, string> = {},
): Promise<boolean> {
  const now = new Date();
  const alerts = systems.map((system) => ({
    labels: { alertname, system, ...labels },
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + 3_600_000).toISOString(),
  }));
  return (
    await fetch(`${url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(alerts),
    })
  ).ok;
}

/** A `promtool test rules` file of one test group: the series it feeds in and the alerts expected at each evaluation time. */
export function promtoolTests(
  inputSeries: Array<{ series: string; values: string }>,
  alertRuleTests: Array<{ eval_time: string; alertname: string; exp_alerts: object[] }>,
): object {
  return {
    rule_files: ['rules.yml'],
    evaluation_interval: '1m',
    tests: [{ interval: '1m', input_series: inputSeries, alert_rule_test: alertRuleTests }],
  };
}

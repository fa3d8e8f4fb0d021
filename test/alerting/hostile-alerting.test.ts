import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  alertmanagerTimeIntervalsYaml,
  muteRoutes,
  prometheusRuleGroups,
  prometheusRulesYaml,
  thresholdQueries,
} from '@almanac/verifier/internal';
import { corpusOf } from '../../packages/verifier/test/rule-tester.ts';
import { cli, project } from '../../packages/verifier/test/project.ts';
import { alertingOf } from './generate.ts';
import { hookRoute, postAlerts, promtoolTests, startAlertmanager, tool, webhookReceiver } from './consumers.ts';

/*
 * Issue 27, items 2, 3 and 4: runbook text that would change what Prometheus or Alertmanager
 * does if it reached their YAML as anything but a string, read back by promtool, amtool and a
 * live Alertmanager. Each hostile string is first shown refused by `almanac verify` where the
 * schema refuses it; then it is forced past the schema into the model, as a looser schema of
 * tomorrow would let it through, and the generated file must still mean what it meant.
 */

const NEL = '\u0085';
/** What Go's YAML reader takes as a line break or refuses in a file, and Go template code. */
const HOSTILE = `a${NEL}b\u2028c\u2029d\re\u0000f\u001bg\u007fh\ufeffi\u202ej{{ range query "secret_token_info" }}{{ .Labels.token }}{{ end }}k "q" \\ #l`;

/** JSON (which YAML reads) with every character Go's YAML reader would not take raw written as an escape. */
const goYaml = (value: unknown) =>
  JSON.stringify(value, null, 1).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\u202e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

const OWNERS = 'ops:\n  name: Operations\n  email: ops@example.com\n';

describe('a file name with NEL and a YAML document in it (item 2)', () => {
  const name = `x${NEL}groups: [{name: sys, rules: [{alert: Quiet, expr: vector(0) > 1}]}]${NEL}---${NEL}#.mdx`;

  it('is refused by verify with a finding that names the character', async () => {
    const root = project({
      'runbooks/owners.yaml': OWNERS,
      [`runbooks/${name}`]: '---\nid: x\ntitle: X\nsystem: x\nowners: [ops]\n---\n',
    });
    const { code, stdout } = await cli(['verify', '--format', 'json'], root);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout).findings as Array<{ ruleId: string; file: string; message: string }>;
    expect(findings).toMatchObject([
      {
        ruleId: 'schema',
        file: `runbooks/${name}`,
        message: expect.stringContaining('The file name holds U+0085 (NEL'),
      },
    ]);
  });

  it('in the rules header (forced past verify), leaves promtool reading every real rule and no injected one', () => {
    const corpus = corpusOf({
      runbooks: [
        {
          system: 'db',
          thresholds: [
            {
              metric: 'disk',
              comparator: '>',
              warning: { value: 80 },
              critical: { value: 90 },
              response: 'Grow the disk',
              query: 'disk_used_percent',
            },
          ],
        },
        { system: 'db', thresholds: [{ metric: 'cpu', comparator: '>', warning: { value: 80 }, response: 'Look' }] },
      ],
    });
    const { exported, unexported } = thresholdQueries(corpus.runbooks);
    expect(unexported).toHaveLength(1);
    const forced = unexported.map((u) => ({
      ...u,
      runbook: { ...u.runbook, source: Object.assign(Object.create(u.runbook.source), { file: `runbooks/${name}` }) },
    }));
    const yaml = prometheusRulesYaml(
      prometheusRuleGroups(exported, () => 'https://runbooks.example.com/r0/#threshold-disk'),
      forced,
    );
    expect(yaml).toContain('\\u0085groups:');
    const dir = project({ 'rules.yml': yaml });
    const { code, output } = tool('promtool', ['check', 'rules', 'rules.yml'], dir);
    expect(code, output).toBe(0);
    expect(output).toContain('SUCCESS: 2 rules found');
    // The control: the same file with the NEL written raw, as before, is read as the injected document.
    const raw = project({ 'rules.yml': yaml.replaceAll('\\u0085', NEL) });
    expect(tool('promtool', ['check', 'rules', 'rules.yml'], raw).output).toContain('SUCCESS: 1 rules found');
  });
});

describe('hostile text in every string of a threshold (item 4), read by promtool', () => {
  const corpus = corpusOf({
    runbooks: [
      {
        system: 'pay',
        thresholds: [
          {
            metric: 'errors',
            unit: HOSTILE,
            comparator: '>',
            warning: { value: 1 },
            response: HOSTILE,
            query: 'errors_total{system="$system"}',
          },
        ],
      },
    ],
  });
  const { exported, unexported } = thresholdQueries(corpus.runbooks);
  const yaml = prometheusRulesYaml(
    prometheusRuleGroups(exported, () => 'https://runbooks.example.com/r0/#threshold-errors'),
    unexported,
  );

  it('verifies with no finding: unit and response are free text', () => {
    expect(corpus.loadReports).toEqual([]);
  });

  it('keeps every character literal in summary and description, so no other series is read', () => {
    const tests = promtoolTests(
      [
        { series: 'errors_total{system="pay"}', values: '5x10' },
        { series: 'secret_token_info{token="hunter2"}', values: '1x10' },
      ],
      [
        {
          eval_time: '5m',
          alertname: 'PayErrors',
          exp_alerts: [
            {
              exp_labels: { severity: 'warning', system: 'pay', runbook: 'runbook-0' },
              exp_annotations: {
                summary: `errors of pay above 1 ${HOSTILE} (now 5)`,
                description: HOSTILE,
                runbook_url: 'https://runbooks.example.com/r0/#threshold-errors',
              },
            },
          ],
        },
      ],
    );
    const dir = project({ 'rules.yml': yaml, 'tests.yml': goYaml(tests) });
    const { code, output } = tool('promtool', ['test', 'rules', 'tests.yml'], dir);
    expect(code, output).toBe(0);
    expect(output).not.toContain('hunter2');
  });

  it('is escaped where it would break the line for Go: no raw NEL, U+2028, U+2029, BOM or control in the file', () => {
    expect(yaml).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\u202e]/);
    const dir = project({ 'rules.yml': yaml });
    const { code, output } = tool('promtool', ['check', 'rules', 'rules.yml'], dir);
    expect(code, output).toBe(0);
  });

  it('refuses a query with a comment or unbalanced brackets, with the field located', async () => {
    const root = project({
      'runbooks/owners.yaml': OWNERS,
      'runbooks/a.mdx': `---\nid: a\ntitle: A\nsystem: a\nowners: [ops]\nthresholds:\n  - metric: cpu\n    comparator: ">"\n    warning: { value: 90 }\n    response: Look\n    query: 'cpu ) or vector(1) # x'\n  - metric: mem\n    comparator: ">"\n    warning: { value: 90 }\n    response: Look\n    query: 'sum(mem{path="a#(b"}'\n---\n`,
    });
    const { code, stdout } = await cli(['verify', '--format', 'json'], root);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout).findings as Array<{ path: string; line: number; message: string }>;
    expect(findings).toMatchObject([
      {
        path: 'thresholds[0].query',
        line: 11,
        message: expect.stringContaining("a ')' at character 5 that closes no '('"),
      },
      {
        path: 'thresholds[1].query',
        line: 16,
        message: expect.stringContaining("a '(' at character 4 that is never closed"),
      },
    ]);
  });
});

describe('a window title with NEL that would add an always-on entry to another system (item 3)', () => {
  const ZONE = 'UTC';
  let dir: string;
  const dirs: string[] = [];

  afterAll(() => {
    for (const made of dirs) rmSync(made, { recursive: true, force: true });
  });

  /** HH:MM in UTC, some minutes from now. */
  const clockIn = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().slice(11, 16);
  const runbook = (system: string, start: string, title: string) =>
    `---\nid: ${system}\ntitle: ${system}\nsystem: ${system}\nowners: [ops]\ntimezone: ${ZONE}\nwindows:\n  - { id: daily, title: ${JSON.stringify(title)}, rrule: FREQ=DAILY, start: "${start}", duration: PT1H, impact: downtime }\n---\n`;
  // After payments' interval, a line at its entries' indentation: an empty entry is always on.
  const attack = `Nightly${NEL}      - {}${NEL}#`;

  function generate(title = attack) {
    dir = mkdtempSync(join(tmpdir(), 'almanac-hostile-am-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'runbooks'));
    writeFileSync(join(dir, 'runbooks/owners.yaml'), OWNERS);
    // payments' window is twelve hours away; other's began ten minutes ago.
    writeFileSync(join(dir, 'runbooks/a-payments.mdx'), runbook('payments', clockIn(12 * 60), 'Payments'));
    writeFileSync(join(dir, 'runbooks/b-other.mdx'), runbook('other', clockIn(-10), 'Other'));
    const generated = alertingOf(dir, new Date().toISOString().slice(0, 10));
    // Forced past the schema, which refuses the title (checked below).
    generated.intervals.find((i) => i.runbook.system === 'other')!.window.value.title = title;
    return {
      yaml: alertmanagerTimeIntervalsYaml(generated.intervals, generated.time.horizon),
      routes: muteRoutes(generated.intervals),
    };
  }

  /** A live Alertmanager on 127.0.0.1 with these intervals; the systems whose alert reached its webhook. */
  async function delivered(
    intervalsYaml: string,
    routes: ReturnType<typeof muteRoutes>,
    tag: string,
  ): Promise<string[]> {
    const receiver = await webhookReceiver();
    const { route, receivers } = hookRoute(receiver.url);
    const config = join(dir, `alertmanager-${tag}.yml`);
    // The generated text itself, as a user pastes it into a config.
    writeFileSync(config, `${intervalsYaml}\n${toBlock({ route: { ...route, routes }, receivers })}`);
    const check = tool('amtool', ['check-config', config], dir);
    expect(check.code, check.output).toBe(0);
    const am = await startAlertmanager(config, dir);
    try {
      expect(await postAlerts(am.url, 'Hostile', ['payments', 'other'])).toBe(true);
      await new Promise((r) => setTimeout(r, 4000));
      return receiver.received.map((labels) => labels.system!).sort();
    } finally {
      await am.stop();
      await receiver.close();
    }
  }

  /** Top-level keys of a mapping as YAML block lines, each value as JSON (flow YAML). */
  const toBlock = (data: Record<string, unknown>) =>
    Object.entries(data)
      .map(([key, value]) => `${key}: ${goYaml(value).replace(/\n/g, ' ')}`)
      .join('\n') + '\n';

  it('is refused by verify with a finding naming NEL at the title', async () => {
    const root = project({ 'runbooks/owners.yaml': OWNERS, 'runbooks/b-other.mdx': runbook('other', '02:00', attack) });
    const { code, stdout } = await cli(['verify', '--format', 'json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings).toMatchObject([
      { ruleId: 'schema', path: 'windows[0].title', message: expect.stringContaining('U+0085 (NEL') },
    ]);
  });

  it('forced into the intervals file, changes nothing: a live Alertmanager still sends payments’ alert and mutes only other’s', async () => {
    const { yaml, routes } = generate();
    expect(yaml).toContain('Nightly\\u0085      - {}\\u0085#');
    expect(await delivered(yaml, routes, 'escaped')).toEqual(['payments']);
    // The control: with the NEL raw, as the comment was written before, Go reads the injected entry and payments is muted too.
    expect(await delivered(yaml.replaceAll('\\u0085', NEL), routes, 'raw')).toEqual([]);
  }, 40_000);

  it('with NUL, ESC, DEL, a BOM, U+2028 or CR in the title, leaves a file amtool takes', () => {
    for (const char of ['\u0000', '\u001b', '\u007f', '\ufeff', '\u2028', '\r']) {
      const { yaml, routes } = generate(`Nightly${char}time_intervals: []`);
      const file = join(dir, 'check.yml');
      writeFileSync(
        file,
        `${yaml}\n${toBlock({ route: { receiver: 'hook', routes }, receivers: [{ name: 'hook' }] })}`,
      );
      const { code, output } = tool('amtool', ['check-config', file], dir);
      expect(code, `${JSON.stringify(char)}: ${output}`).toBe(0);
      if (char === '\u0000') {
        // The control: the NUL written raw, as the comment was before, makes amtool refuse the whole file.
        writeFileSync(file, readFileSync(file, 'utf8').replace('Nightly\\u0000', 'Nightly\u0000'));
        expect(tool('amtool', ['check-config', file], dir).output).toContain('control characters are not allowed');
      }
    }
  });
});

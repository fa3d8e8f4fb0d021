import { describe, expect, it } from 'vitest';
import { corpusOf, testRule, frontmatter, taskItem, type RuleCase } from '../../test/rule-tester.ts';
import { verify } from './verify.ts';
import { parse, schema } from './load-findings.ts';

testRule(schema, {
  valid: [
    {
      name: 'a full runbook',
      runbooks: [
        {
          tasks: [taskItem({ backup: { type: 'full' }, kind: 'backup' })],
          objectives: [{ scenario: 'x', rto: 'PT4H', rpo: 'P1D', procedure: 'Restore' }],
        },
      ],
    },
    {
      name: 'a page that is not a runbook',
      runbooks: ['---\ntitle: How to write a runbook\ndescription: A guide\n---\n\nText\n'],
    },
    {
      name: 'Starlight keys beside runbook keys',
      runbooks: [{ description: 'Shown under the title', sidebar: { order: 1 } }],
    },
    {
      name: 'metric names as Prometheus, Datadog, CloudWatch and people spell them',
      runbooks: [
        {
          thresholds: [
            'node_cpu_seconds_total',
            'job:http_errors:rate5m',
            'system.cpu.user',
            'AWS/EC2/CPUUtilization',
            'cpu-utilization',
          ].map((metric) => ({ metric, comparator: '>', critical: { value: 1 }, response: 'Investigate' })),
          capacity_triggers: [
            { metric: 'pg_database_size_bytes', condition: '80% of allocated space', action: 'Grow the volume' },
          ],
        },
      ],
    },
    { name: 'a review cycle with no review recorded yet', runbooks: [{ review: { cycle: 'P3M' } }] },
    { name: 'a backup source', runbooks: [{ backup_source: 'Nightly RDS snapshots' }] },
  ],
  invalid: [
    {
      name: 'a wrong value at a nested path, at its exact line and column',
      runbooks: [
        frontmatter({
          tasks: [
            taskItem({ id: 'a' }),
            taskItem({ id: 'b' }),
            taskItem({ id: 'c' }),
            taskItem({ id: 'd', start: '2:00' }),
          ],
        }),
      ],
      // frontmatter() writes `tasks:` on line 11 and each task in 7 lines, so tasks[3].start is on line 37.
      errors: [
        {
          path: 'tasks[3].start',
          messageId: 'found',
          message: /^tasks\[3\]\.start must be a 24-hour time "HH:MM", such as "02:00" \(found "2:00"\)$/,
          line: 37,
          column: 12,
        },
      ],
    },
    {
      name: 'missing and mistyped fields',
      runbooks: [{ title: undefined, owners: 'ops', tasks: [taskItem({ duration: '30 minutes', kind: 'backups' })] }],
      errors: [
        { path: 'title', messageId: 'found', message: /^title is required$/ },
        { messageId: 'found', path: 'owners', message: /must be a list \(found "ops"\)/ },
        { messageId: 'found', path: 'tasks[0].kind', message: /must be one of "backup", "restore-test"/ },
        { messageId: 'found', path: 'tasks[0].duration', message: /ISO 8601 duration/ },
      ],
    },
    {
      name: 'an unknown key with a suggestion',
      runbooks: [{ tasks: [taskItem({ rrul: 'FREQ=DAILY' })] }],
      errors: [
        {
          path: 'tasks[0].rrul',
          messageId: 'found',
          message: /Unknown field 'rrul' in tasks\[0\]; did you mean 'rrule'\?/,
        },
      ],
    },
    {
      name: 'a metric name with a space, or none',
      runbooks: [
        {
          thresholds: [{ metric: 'CPU utilization', comparator: '>', critical: { value: 85 }, response: 'x' }],
          capacity_triggers: [{ metric: '', condition: 'c', action: 'a' }],
        },
      ],
      errors: [
        {
          path: 'thresholds[0].metric',
          messageId: 'found',
          message:
            /^thresholds\[0\]\.metric must be a metric name of letters, digits and _ : \. - \/ \(no spaces\), such as "node_cpu_seconds_total", "system\.cpu\.user" or "cpu-utilization" \(found "CPU utilization"\)$/,
        },
        { messageId: 'found', path: 'capacity_triggers[0].metric', message: /must be a metric name/ },
      ],
    },
    {
      name: 'a backup source that is not text',
      runbooks: [{ backup_source: 5 }, { backup_source: '  ' }],
      errors: [
        { path: 'backup_source', messageId: 'found', message: /must be text/ },
        { messageId: 'found', file: 'runbooks/r1.mdx', path: 'backup_source', message: /must not be empty/ },
      ],
    },
    {
      name: 'a metric name that is a number',
      runbooks: [{ thresholds: [{ metric: 5, comparator: '>', critical: { value: 1 }, response: 'x' }] }],
      errors: [
        {
          path: 'thresholds[0].metric',
          messageId: 'found',
          message: /must be a metric name such as "node_cpu_seconds_total"/,
        },
      ],
    },
    {
      name: 'a date that is not a date',
      runbooks: [{ review: { cycle: 'P3M', last_reviewed: '2025-02-30' } }],
      errors: [{ path: 'review.last_reviewed', messageId: 'found', message: /not a real calendar date/ }],
    },
    {
      name: 'an unquoted time is still read as text, never as 120',
      runbooks: [
        '---\nid: a\ntitle: A\nsystem: s\nowners: [ops]\ntimezone: UTC\ntasks:\n  - id: t\n    title: T\n    kind: check\n    rrule: FREQ=DAILY\n    start: 2:00\n    owner: ops\n---\n',
      ],
      errors: [{ path: 'tasks[0].start', messageId: 'found', message: /found "2:00"/, line: 12, column: 12 }],
    },
    {
      name: 'frontmatter that is a list',
      runbooks: ['---\n- a\n- b\n---\n'],
      errors: [{ messageId: 'found', message: /must be a mapping of fields .*not a list/, line: 2, column: 1 }],
    },
    {
      name: 'an empty file',
      runbooks: [''],
      errors: [{ messageId: 'found', message: /The file is empty/, line: 1, column: 1 }],
    },
    {
      name: 'a file without frontmatter',
      runbooks: ['# Just a heading\n'],
      errors: [{ messageId: 'found', message: /no frontmatter/, line: 1 }],
    },
    {
      name: 'a page without a title',
      runbooks: ['---\ndescription: x\n---\n'],
      errors: [{ path: 'title', messageId: 'found', message: /title is required/ }],
    },
    {
      name: 'a bad owners.yaml entry',
      runbooks: [{}],
      owners: { ops: { name: 'Ops' }, 'Bad Id': { name: 'X' }, dba: { name: 'DBA', phone: 123 } },
      errors: [
        { messageId: 'found', file: 'runbooks/owners.yaml', path: 'Bad Id', line: 3, column: 1 },
        { file: 'runbooks/owners.yaml', path: 'dba.phone', messageId: 'found', message: /must be text/, line: 7 },
      ],
    },
    {
      name: 'a wrong type deep in a list keeps the other items',
      runbooks: [
        {
          thresholds: [
            { metric: 'cpu', comparator: '>', warning: { value: '70%' }, response: 'x' },
            { metric: 'mem', comparator: '>', critical: { value: 90 }, response: 'y' },
          ],
        },
      ],
      errors: [
        { path: 'thresholds[0].warning.value', messageId: 'found', message: /must be a number \(found "70%"\)/ },
      ],
    },
  ],
});

testRule(parse, {
  valid: [
    {
      name: 'CRLF line endings and a BOM',
      runbooks: ['\uFEFF---\r\nid: a\r\ntitle: A\r\nsystem: s\r\nowners: [ops]\r\n---\r\nBody\r\n'],
    },
  ],
  invalid: [
    {
      name: 'broken YAML at its line',
      runbooks: ['---\nid: a\ntitle: A\nsystem: s\nowners: [ops\n---\n'],
      errors: [{ messageId: 'found', message: /^YAML syntax error: /, line: 5 }],
    },
    {
      name: 'a duplicated key',
      runbooks: ['---\nid: a\ntitle: A\nid: b\n---\n'],
      errors: [{ messageId: 'found', message: /duplicated mapping key/, line: 4, column: 1 }],
    },
    {
      name: 'an unclosed frontmatter',
      runbooks: ['---\nid: a\ntitle: A\n'],
      errors: [{ messageId: 'found', message: /never closed/, line: 1 }],
    },
    {
      name: 'CRLF: lines count right',
      runbooks: ['---\r\nid: a\r\ntitle: A\r\nsystem: [\r\n---\r\n'],
      errors: [{ messageId: 'found', line: 4 }],
    },
    {
      name: 'a BOM does not shift columns',
      runbooks: ['\uFEFF---\nid: a\n  title: A\n---\n'],
      errors: [{ messageId: 'found', line: 3 }],
    },
  ],
});

describe('a schema error hides nothing else', () => {
  const ruleIds = (runbooks: RuleCase['runbooks']) =>
    verify(corpusOf({ runbooks }), { today: '2026-11-23' })
      .findings.map((f) => `${f.ruleId} ${f.path ?? ''}`)
      .sort();

  it('checks a runbook whose title is wrong, under a name from its path', () => {
    expect(
      ruleIds([{ title: 5, owners: ['nobody'], timezone: 'Mars/Olympus', tasks: [taskItem({ window: 'nope' })] }]),
    ).toEqual([
      'owner-unknown owners[0]',
      'schema title',
      'timezone-unknown timezone',
      'window-unknown tasks[0].window',
    ]);
  });

  it('keeps an item whose only fault is an unknown field, so its schedule still counts', () => {
    const hourly = taskItem({
      id: 'hourly',
      kind: 'backup',
      rrule: 'FREQ=HOURLY',
      backup: { type: 'incremental' },
      notes: 5,
    });
    const objective = { scenario: 'db', rto: 'PT4H', rpo: 'PT2H', procedure: 'Restore' };
    expect(ruleIds([{ tasks: [hourly], objectives: [objective] }])).toEqual(['schema tasks[0].notes']);
  });
});

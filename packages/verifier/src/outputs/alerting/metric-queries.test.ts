import { describe, expect, it } from 'vitest';
import { corpusOf } from '../../../test/rule-tester.ts';
import { thresholdQueries } from './metric-queries.ts';

const threshold = (metric: string, fields: Record<string, unknown> = {}) => ({
  metric,
  comparator: '>',
  warning: { value: 1 },
  response: 'Look',
  ...fields,
});

describe('thresholdQueries', () => {
  it('takes the threshold’s own query, else the config’s, with $system as the system id', () => {
    const corpus = corpusOf({
      runbooks: [
        { system: 'web', thresholds: [threshold('cpu'), threshold('disk', { query: 'disk{system="$system"}' })] },
      ],
    });
    const { exported, unexported } = thresholdQueries(corpus.runbooks, {
      cpu: 'cpu{system="$system"} * 100',
      disk: 'ignored',
    });
    expect(exported.map((e) => e.query)).toEqual(['cpu{system="web"} * 100', 'disk{system="web"}']);
    expect(unexported).toEqual([]);
  });

  it('lists, never guesses, a threshold with no query or no level; a name like constructor is not read off Object', () => {
    const corpus = corpusOf({
      runbooks: [{ thresholds: [threshold('constructor'), threshold('cpu', { warning: undefined })] }],
    });
    const { exported, unexported } = thresholdQueries(corpus.runbooks, { cpu: 'cpu' });
    expect(exported).toEqual([]);
    expect(unexported.map((u) => `${u.threshold.value.metric}: ${u.reason}`)).toEqual([
      "constructor: no query: give the threshold a 'query', or map 'constructor' in almanac.config.json 'metrics'",
      'cpu: it has no warning or critical level',
    ]);
  });

  it('exports a system’s metric once when two runbooks state it', () => {
    const corpus = corpusOf({
      runbooks: [
        { thresholds: [threshold('cpu')] },
        { thresholds: [threshold('cpu')] },
        { system: 'other', thresholds: [threshold('cpu')] },
      ],
    });
    const { exported, unexported } = thresholdQueries(corpus.runbooks, { cpu: 'cpu' });
    expect(exported.map((e) => `${e.runbook.id} ${e.runbook.system}`)).toEqual(['runbook-0 demo', 'runbook-2 other']);
    expect(unexported.map((u) => u.reason)).toEqual(["system 'demo' exports 'cpu' from an earlier runbook"]);
  });

  it('exports from the first statement that can be exported: one with no query does not hold the metric back', () => {
    const corpus = corpusOf({
      runbooks: [
        { thresholds: [threshold('cpu')] },
        { thresholds: [threshold('cpu', { query: 'cpu' })] },
        { thresholds: [threshold('cpu', { query: 'cpu2' })] },
      ],
    });
    const { exported, unexported } = thresholdQueries(corpus.runbooks);
    expect(exported.map((e) => `${e.runbook.id} ${e.query}`)).toEqual(['runbook-1 cpu']);
    expect(unexported.map((u) => `${u.runbook.id}: ${u.reason}`)).toEqual([
      "runbook-0: no query: give the threshold a 'query', or map 'cpu' in almanac.config.json 'metrics'",
      "runbook-2: system 'demo' exports 'cpu' from an earlier runbook",
    ]);
  });
});

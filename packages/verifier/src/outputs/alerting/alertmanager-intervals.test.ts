import { describe, expect, it } from 'vitest';
import { corpusOf, windowItem } from '../../../test/rule-tester.ts';
import { feedHorizon } from '../../schedule/horizons.ts';
import { TimeEngine } from '../../time/engine.ts';
import { muteIntervals, muteRoutes } from './alertmanager-intervals.ts';

const time = () => new TimeEngine(feedHorizon('2026-11-23'));

describe('muteIntervals', () => {
  it('names each window <runbook>-<window>, numbering a name two runbooks would share, and routes by system', () => {
    const corpus = corpusOf({
      runbooks: [
        { id: 'a-b', windows: [windowItem({ id: 'c' })] },
        { id: 'a', system: 'other', windows: [windowItem({ id: 'b-c', rrule: 'FREQ=WEEKLY;BYDAY=MO' })] },
      ],
    });
    const intervals = muteIntervals(corpus.runbooks, time());
    expect(intervals.map((i) => i.name)).toEqual(['a-b-c', 'a-b-c-2']);
    expect(intervals[0]!.time_intervals).toEqual([
      { times: [{ start_time: '02:00', end_time: '04:00' }], weekdays: ['sunday'], location: 'UTC' },
    ]);
    expect(muteRoutes(intervals)).toEqual([
      { matchers: ['system="demo"'], mute_time_intervals: ['a-b-c'] },
      { matchers: ['system="other"'], mute_time_intervals: ['a-b-c-2'] },
    ]);
  });

  it('leaves out windows of impact none, and windows with no usable zone or rule', () => {
    const corpus = corpusOf({
      runbooks: [
        {
          timezone: undefined,
          windows: [
            windowItem({ id: 'none', impact: 'none', timezone: 'UTC' }),
            windowItem({ id: 'zoneless' }),
            windowItem({ id: 'never', rrule: 'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2', timezone: 'UTC' }),
          ],
        },
      ],
    });
    expect(muteIntervals(corpus.runbooks, time())).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Runbook } from '../src/model/corpus.ts';
import { windowAnswerers, windowsOwned } from '../src/model/owners.ts';
import { corpusOf, taskItem, windowItem } from './rule-tester.ts';

describe('who answers for a window', () => {
  const [db, web] = corpusOf({
    owners: { ops: { name: 'Operations' }, dba: { name: 'Database team' }, web: { name: 'Web team' } },
    runbooks: [
      {
        id: 'db',
        owners: ['ops'],
        windows: [windowItem({ id: 'sunday' }), windowItem({ id: 'monthly', rrule: 'FREQ=MONTHLY;BYDAY=-1SU' })],
        tasks: [taskItem({ id: 'vacuum', owner: 'dba', window: 'sunday' }), taskItem({ id: 'check', owner: 'web' })],
      },
      { id: 'web', system: 'web', owners: ['web'], windows: [windowItem({ id: 'deploy' })] },
    ],
  }).runbooks as [Runbook, Runbook];

  it('is the runbook’s owners and the owners of the tasks that name it', () => {
    expect(windowAnswerers(db, { id: 'sunday' })).toEqual(new Set(['ops', 'dba']));
    expect(windowAnswerers(db, { id: 'monthly' })).toEqual(new Set(['ops']));
  });

  it('gives each owner the windows it answers for, of the runbooks given, in their order', () => {
    const ids = (owner: string) => windowsOwned(owner, [db, web]).map(({ runbook, window }) => `${runbook.id}/${window.id}`);
    expect(ids('ops')).toEqual(['db/sunday', 'db/monthly']);
    expect(ids('dba')).toEqual(['db/sunday']);
    // A task of its in a runbook that names no window gives it none of that runbook's windows.
    expect(ids('web')).toEqual(['web/deploy']);
  });
});

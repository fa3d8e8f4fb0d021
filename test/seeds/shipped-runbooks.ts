import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus, verify, type Runbook } from '@almanac/verifier';

/* What the seed tests share: the shipped runbooks as the verifier reads them, on the day the seeds were checked. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2026-11-23';

const corpus = loadCorpus(['runbooks'], ROOT);

export function runbook(id: string): Runbook {
  const found = corpus.runbooks.find((r) => r.id === id);
  if (!found) throw new Error(`runbook '${id}' not found under runbooks/`);
  return found;
}

type ListName =
  | 'tasks'
  | 'windows'
  | 'ad_hoc_windows'
  | 'monitors'
  | 'thresholds'
  | 'objectives'
  | 'escalation'
  | 'retention'
  | 'notifications'
  | 'support_targets'
  | 'capacity_triggers';

export const count = (r: Runbook, list: ListName) => r[list].length;

/** A test that these systems' runbooks, alone with the owners registry, verify with warnings only, and which. */
export function verifiesWithWarningsOnly(systems: readonly string[]): void {
  describe(`the runbooks of ${systems.join(', ')} verify with warnings only`, () => {
    const scratch = mkdtempSync(join(tmpdir(), 'almanac-seeds-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('has no errors against the owners they use', () => {
      for (const dir of systems)
        cpSync(join(ROOT, 'runbooks', dir), join(scratch, 'runbooks', dir), { recursive: true });
      cpSync(join(ROOT, 'runbooks/owners.yaml'), join(scratch, 'runbooks/owners.yaml'));
      const result = verify(loadCorpus(['runbooks'], scratch), { today: TODAY });
      const errors = result.findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`);
      expect(errors).toEqual([]);
      expect(new Set(result.findings.map((f) => f.ruleId))).toEqual(
        new Set(['owner-placeholder', 'review-overdue', 'review-missing']),
      );
    });
  });
}

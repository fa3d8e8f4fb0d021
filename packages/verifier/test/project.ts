import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A project folder in the system's temp dir holding these files, by path relative to it. */
export function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'almanac-test-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

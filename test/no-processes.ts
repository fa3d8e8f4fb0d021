import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

/*
 * The unit tier's setup: a unit test starts no process. Any attempt fails with the way out, so
 * a test that needs git, the CLI as a process or a consumer's binary is moved to the tools tier
 * (TOOLS_TESTS in vitest.config.ts) rather than slowing the tier every change runs.
 */
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
  (childProcess as unknown as Record<string, unknown>)[name] = () => {
    throw new Error(
      `the unit tier starts no process (child_process.${name}); put this test in TOOLS_TESTS in vitest.config.ts`,
    );
  };
}
syncBuiltinESMExports();

#!/usr/bin/env node
// Node 24 runs the TypeScript sources directly (type stripping), so the CLI needs no build step.
import { run } from '../src/cli.ts';

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !process.env.CI;
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  color,
  env: process.env,
});

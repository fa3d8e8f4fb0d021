#!/usr/bin/env node
// The built CLI: Node does not strip types under node_modules, so the package ships JavaScript (npm run build).
import { run } from '../dist/cli/cli.js';

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !process.env.CI;
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  color,
  env: process.env,
});

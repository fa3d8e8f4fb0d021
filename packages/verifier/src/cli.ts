import { parseArgs } from 'node:util';
import type { Corpus } from './model/corpus.ts';
import { formatJson } from './format/json.ts';
import { formatStylish } from './format/stylish.ts';
import { loadCorpus, LoadError } from './source/load-tree.ts';
import { verify } from './verify.ts';

const USAGE = `Usage: almanac verify [paths...] [--format stylish|json] [--now YYYY-MM-DD]

Checks runbooks for consistent schedules, owners and recovery objectives.
With no paths it checks runbooks/. A directory is a runbook tree whose owners.yaml
sits at its root.

Options:
  --format <name>   stylish (default) or json
  --now <date>      the date to check against, YYYY-MM-DD (default: today, UTC)
  -h, --help        show this help
  -v, --version     show the version

Exit codes: 0 no errors, 1 errors found, 2 the tool could not run.`;

const FORMATS = ['stylish', 'json'] as const;

/** A mistake in how the CLI was called: exit code 2 with a message, never a stack trace. */
class UsageError extends Error {}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  color: boolean;
}

export function run(argv: readonly string[], io: Io): number {
  try {
    return runCommand(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof LoadError) {
      io.stderr(`almanac: ${error.message}\n`);
      return 2;
    }
    // Bad input is findings, never this; anything here is a bug, said plainly and with exit 2.
    io.stderr(`almanac: internal error: ${(error as Error)?.message ?? String(error)}\nPlease report this with the file that caused it.\n`);
    if (process.env.ALMANAC_DEBUG) io.stderr(`${(error as Error)?.stack}\n`);
    return 2;
  }
}

function runCommand(argv: readonly string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout('almanac 0.1.0\n');
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'verify') throw new UsageError(`${command ? `unknown command '${command}'` : 'no command given'}\n\n${USAGE}`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}'; use one of ${FORMATS.join(', ')}`);
  if (values.now !== undefined && !isDate(values.now)) throw new UsageError(`--now takes a date YYYY-MM-DD, not '${values.now}'`);

  const corpus = loadCorpus(paths.length ? paths : ['runbooks'], io.cwd);
  const result = verify(corpus, { today: values.now });
  if (format === 'json') io.stdout(formatJson(result.findings, result.summary));
  else {
    const sources = sourceTexts(corpus);
    const text = formatStylish(result.findings, { color: io.color, sourceText: (file) => sources.get(file) });
    io.stdout(text ? `${text}\n` : `✔ ${result.summary.files} runbook files checked, no problems\n`);
  }
  return result.summary.errors > 0 ? 1 : 0;
}

function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

function sourceTexts(corpus: Corpus): Map<string, string> {
  const sources = new Map<string, string>();
  for (const { source } of [...corpus.runbooks, ...corpus.pages, ...corpus.loadReports]) sources.set(source.file, source.text);
  for (const registry of corpus.registries) if (registry.source) sources.set(registry.file, registry.source.text);
  return sources;
}

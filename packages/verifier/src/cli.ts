import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, siteUrlOf, type AlmanacConfig } from './config.ts';
import type { Corpus } from './model/corpus.ts';
import type { Finding } from './model/finding.ts';
import { formatGithub } from './format/github.ts';
import { formatJson } from './format/json.ts';
import { tzdataVersion } from './time/zone.ts';
import { formatSarif } from './format/sarif.ts';
import { formatStylish } from './format/stylish.ts';
import { RULE_METAS } from './rules/index.ts';
import { loadCorpus, LoadError } from './source/load-tree.ts';
import { horizonAround } from './time/engine.ts';
import { verify, type VerifyResult } from './verify.ts';

export const VERSION = '0.1.0';

const USAGE = `Usage: almanac verify [paths...] [options]

Checks runbooks for consistent schedules, owners and recovery objectives.
With no paths it checks runbooks/. A directory is a runbook tree whose owners.yaml
sits at its root. Settings come from almanac.config.json (or .mjs/.js/.ts) if present.

Options:
  --format <name>       stylish (default), json, sarif or github
  --output <file>       write the report in --format to a file; stylish goes to the terminal
  --max-warnings <n>    exit 1 when there are more than n warnings
  --now <date>          the date to check against, YYYY-MM-DD (default: today, UTC)
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 the tool could not run.`;

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

/** A mistake in how the CLI was called: exit code 2 with a message, never a stack trace. */
class UsageError extends Error {}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  color: boolean;
  /** The environment, for ALMANAC_NOW. */
  env?: Readonly<Record<string, string | undefined>>;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof LoadError || error instanceof ConfigError) {
      io.stderr(`almanac: ${error.message}\n`);
      return 2;
    }
    // Bad input is findings, never this; anything here is a bug, said plainly and with exit 2.
    io.stderr(`almanac: internal error: ${(error as Error)?.message ?? String(error)}\nPlease report this with the file that caused it.\n`);
    if (process.env.ALMANAC_DEBUG) io.stderr(`${(error as Error)?.stack}\n`);
    return 2;
  }
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        output: { type: 'string' },
        'max-warnings': { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`almanac ${VERSION} (tzdata ${tzdataVersion()})\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'verify') throw new UsageError(`${command ? `unknown command '${command}'` : 'no command given'}\n\n${USAGE}`);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}'; use one of ${FORMATS.join(', ')}`);
  // ALMANAC_NOW fixes "today" for the site build too, so `npm run build` checks and shows one day.
  const now = values.now ?? (io.env?.ALMANAC_NOW || undefined);
  if (now !== undefined && !isDate(now)) throw new UsageError(`${values.now === undefined ? 'ALMANAC_NOW' : '--now'} takes a date YYYY-MM-DD, not '${now}'`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError(`--max-warnings takes a whole number, not '${values['max-warnings']}'`);

  const { config } = loadConfig(io.cwd);
  const corpus = loadCorpus(paths.length ? paths : ['runbooks'], io.cwd, { ownersFile: config.owners });
  const result = verifyWithConfig(corpus, config, now);

  const stylish = () => {
    const text = formatStylish(result.findings, { color: io.color, sourceText: sourceTexts(corpus) });
    return text ? `${text}\n` : `✔ ${result.summary.files} runbook files checked, no problems\n`;
  };
  const report = format === 'stylish' ? stylish() : render(format, result, config);
  if (values.output) {
    try {
      writeFileSync(values.output, report);
    } catch (error) {
      throw new UsageError(`cannot write --output '${values.output}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    io.stdout(stylish());
  } else {
    io.stdout(report);
    // Annotations are capped at 10 per level and step, so the whole report goes to the log too.
    if (format === 'github') io.stdout(stylish());
  }
  const tooManyWarnings = maxWarnings !== undefined && result.summary.warnings > maxWarnings;
  if (tooManyWarnings) io.stderr(`almanac: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return result.summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

/** Verifies with the config's severities and horizon: the one way the CLI and the site check. */
export function verifyWithConfig(corpus: Corpus, config: AlmanacConfig, today?: string): VerifyResult {
  const day = today ?? new Date().toISOString().slice(0, 10);
  return verify(corpus, { today: day, severities: config.rules, horizon: horizonAround(day, config.horizon?.daysBack, config.horizon?.daysAhead) });
}

function render(format: Exclude<Format, 'stylish'>, result: VerifyResult, config: AlmanacConfig): string {
  const findings: Finding[] = result.findings;
  if (format === 'json') return formatJson(findings, result.summary);
  if (format === 'github') return formatGithub(findings);
  const site = siteUrlOf(config);
  return formatSarif(findings, RULE_METAS, { version: VERSION, informationUri: site, helpUri: (id) => `${site}/rules/#${id}` });
}

function isDate(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

function sourceTexts(corpus: Corpus): (file: string) => string | undefined {
  const sources = new Map<string, string>();
  for (const { source } of [...corpus.runbooks, ...corpus.pages, ...corpus.loadReports]) sources.set(source.file, source.text);
  for (const registry of corpus.registries) if (registry.source) sources.set(registry.file, registry.source.text);
  return (file) => sources.get(file);
}

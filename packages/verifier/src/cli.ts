import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadOptionsOf, siteUrlOf, type AlmanacConfig } from './config.ts';
import type { Corpus } from './model/corpus.ts';
import type { Finding } from './model/finding.ts';
import type { Lines } from './format/code-frame.ts';
import type { SourceFile } from './source/source-file.ts';
import { formatGithub } from './format/github.ts';
import { formatJson } from './format/json.ts';
import { tzdataVersion } from './time/zone.ts';
import { formatSarif } from './format/sarif.ts';
import { formatStylish } from './format/stylish.ts';
import { OutputError, writeReportFile } from './output/safe-write.ts';
import { RULE_METAS } from './rules/index.ts';
import { loadCorpus, LoadError } from './source/load-tree.ts';
import { runDiff } from './diff/command.ts';
import { todayOption, UsageError } from './usage.ts';
import { verifyWithConfig, type VerifyResult } from './verify.ts';

// The package's own version, from src/ in the workspace and from dist/ once built: both sit beside package.json.
export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

const USAGE = `Usage: almanac verify [paths...] [options]
       almanac diff [paths...] [--base REF] [--format stylish|markdown|json] (see almanac diff --help)

Checks runbooks for consistent schedules, owners and recovery objectives.
With no paths it checks runbooks/. A directory is a runbook tree whose owners.yaml
sits at its root. Settings come from almanac.config.json (or .mjs/.js/.ts) if present.

Options:
  --format <name>       stylish (default), json, sarif or github
  --output <file>       write the report in --format to a new file (never a runbook,
                        an input or a link); the terminal gets the first findings
  --max-warnings <n>    exit 1 when there are more than n warnings
  --now <date>          the date to check against, YYYY-MM-DD (default: today, UTC)
  --prometheus-rules <file>
                        a hand-written Prometheus rules file to check against the
                        runbooks' thresholds (repeatable; instead of the config's)
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 the tool could not run.`;

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
/** Findings in the terminal's digest when the report itself goes to a file or to annotations. */
const DIGEST_FINDINGS = 20;
type Format = (typeof FORMATS)[number];

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
    if (error instanceof UsageError || error instanceof LoadError || error instanceof ConfigError || error instanceof OutputError) {
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
        'prometheus-rules': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === 'diff') return runDiff(argv.slice(1), io);
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
  const now = todayOption(values.now, io.env);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError(`--max-warnings takes a whole number, not '${values['max-warnings']}'`);

  const { config } = loadConfig(io.cwd);
  const inputs = paths.length ? paths : ['runbooks'];
  const options = loadOptionsOf(config);
  const corpus = loadCorpus(inputs, io.cwd, { ...options, prometheusRules: values['prometheus-rules'] ?? options.prometheusRules });
  const result = verifyWithConfig(corpus, config, now);

  // The terminal copy beside another format is a digest: the full report is in the file or the annotations.
  const stylish = (limit?: { findings: number; rest: string }) => {
    const text = formatStylish(result.findings, { color: io.color, sourceLines: sourceLines(corpus), limit });
    return text ? `${text}\n` : `✔ ${result.summary.files} runbook files checked, no problems\n`;
  };
  const report = format === 'stylish' ? stylish() : render(format, result, config);
  if (values.output) {
    writeReportFile(values.output, report, { cwd: io.cwd, inputs: config.owners ? [...inputs, config.owners] : inputs });
    io.stdout(format === 'stylish' ? report : stylish({ findings: DIGEST_FINDINGS, rest: `every finding is in ${values.output}` }));
  } else {
    io.stdout(report);
    // Annotations are capped at 10 per level and step, so the first findings go to the log too.
    if (format === 'github') io.stdout(stylish({ findings: DIGEST_FINDINGS, rest: 'every finding is an annotation above' }));
  }
  const tooManyWarnings = maxWarnings !== undefined && result.summary.warnings > maxWarnings;
  if (tooManyWarnings) io.stderr(`almanac: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return result.summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

function render(format: Exclude<Format, 'stylish'>, result: VerifyResult, config: AlmanacConfig): string {
  const findings: Finding[] = result.findings;
  if (format === 'json') return formatJson(findings, result.summary);
  if (format === 'github') return formatGithub(findings);
  const site = siteUrlOf(config);
  return formatSarif(findings, RULE_METAS, { version: VERSION, informationUri: site, helpUri: (id) => `${site}/rules/#${id}` });
}

function sourceLines(corpus: Corpus): (file: string) => Lines | undefined {
  const sources = new Map<string, SourceFile>();
  // A file refused or not decoded has no text to frame.
  for (const { source } of [...corpus.runbooks, ...corpus.pages, ...corpus.loadReports]) if (source.text) sources.set(source.file, source);
  for (const { source } of [...corpus.registries, ...(corpus.prometheusRules ?? [])]) if (source) sources.set(source.file, source);
  return (file) => sources.get(file)?.lines;
}

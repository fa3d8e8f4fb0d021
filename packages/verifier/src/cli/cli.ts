import { appendFileSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadOptionsOf, siteUrlOf, type AlmanacConfig } from '../rules/config.ts';
import type { Corpus } from '../load/corpus.ts';
import type { Finding } from '../load/finding.ts';
import type { SourceFile } from '../load/source-file.ts';
import { formatGithub, formatGithubSummary } from '../outputs/format/github.ts';
import { formatJson } from '../outputs/format/json.ts';
import { tzdataVersion } from '../time/zone.ts';
import { formatSarif } from '../outputs/format/sarif.ts';
import { formatStylish } from '../outputs/format/stylish.ts';
import { OutputError, writeReportFile } from '../outputs/safe-write.ts';
import { RULE_METAS } from '../rules/index.ts';
import { loadCorpus, LoadError } from '../load/load-tree.ts';
import { runDiff } from './diff-command.ts';
import { todayOption, UsageError } from './usage.ts';
import { fixOf, planFixes, unifiedDiff, type FileFix } from './fix.ts';
import { scopeFindings, type Scoped } from './scope.ts';
import type { Io } from './io.ts';
import { watchVerify } from './watch.ts';
import { verifyWithConfig, type VerifyResult } from '../rules/verify.ts';

// The package's own version, from src/ in the workspace and from dist/ once built: both sit beside package.json.
export const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const USAGE = `Usage: almanac verify [paths...] [options]
       almanac diff [paths...] [--base REF] [--format stylish|markdown|json] (see almanac diff --help)

Checks runbooks for consistent schedules, owners and recovery objectives.
With no paths it checks runbooks/. Given files or folders, it reports their findings
and those of the owners they name; the rest of their tree is still read for the rules
that compare files, and a line counts the findings elsewhere. A path's owners registry
is the nearest owners.yaml at or above it (or the config's owners); an owners.yaml
given as a path is checked as a registry. Settings come from almanac.config.json
(or .mjs/.js/.ts) if present.

Options:
  --all                 with paths, also report the findings in the rest of their trees
  --quiet               report errors only
  --fix                 fix what is certain in place (a zone abbreviation such as EAT,
                        an owner id with one near registry id, an unquoted start 2:00),
                        then report what is left
  --fix-dry-run         print the fixes --fix would make as a diff; change nothing
  --watch               verify again whenever a runbook, owners.yaml or the config changes
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

// In its own module, so that `diff/command.ts` needs nothing of this one: no import circle.
export type { Io } from './io.ts';

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

/** A run that could not be made: exit code 2, with a message and never a stack trace. */
function reportError(error: unknown, io: Io): number {
  if (
    error instanceof UsageError ||
    error instanceof LoadError ||
    error instanceof ConfigError ||
    error instanceof OutputError
  ) {
    io.stderr(`almanac: ${error.message}\n`);
    return 2;
  }
  // Bad input is findings, never this; anything here is a bug, said plainly and with exit 2.
  io.stderr(
    `almanac: internal error: ${(error as Error)?.message ?? String(error)}\nPlease report this with the file that caused it.\n`,
  );
  if (process.env.ALMANAC_DEBUG) io.stderr(`${(error as Error)?.stack}\n`);
  return 2;
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
        all: { type: 'boolean' },
        quiet: { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        watch: { type: 'boolean' },
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
  if (command !== 'verify')
    throw new UsageError(`${command ? `unknown command '${command}'` : 'no command given'}\n\n${USAGE}`);
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`unknown format '${values.format}'; use one of ${FORMATS.join(', ')}`);
  const now = todayOption(values.now, io.env);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0))
    throw new UsageError(`--max-warnings takes a whole number, not '${values['max-warnings']}'`);

  const options: VerifyRun = {
    paths,
    format,
    now,
    maxWarnings,
    output: values.output,
    all: values.all ?? false,
    quiet: values.quiet ?? false,
    fix: values['fix-dry-run'] ? 'dry-run' : values.fix ? 'write' : undefined,
    prometheusRules: values['prometheus-rules'],
  };
  if (values.watch) {
    if (options.fix || options.output)
      throw new UsageError('--watch reports in the terminal; it does not take --fix, --fix-dry-run or --output');
    return watchVerify(() => verifyOnce(options, io).catch((error: unknown) => ({ code: reportError(error, io) })), {
      stdout: io.stdout,
      cwd: io.cwd,
      ...io.watch,
    });
  }
  return (await verifyOnce(options, io)).code;
}

interface VerifyRun {
  paths: string[];
  format: Format;
  now?: string;
  maxWarnings?: number;
  output?: string;
  all: boolean;
  quiet: boolean;
  fix?: 'write' | 'dry-run';
  prometheusRules?: string[];
}

/** The inputs a run reads: the paths given, else runbooks/. */
const inputsOf = (run: VerifyRun) => (run.paths.length ? run.paths : ['runbooks']);

/** Loads, verifies and narrows to what was asked (and to errors with --quiet). */
function check(run: VerifyRun, io: Io): { result: ScopedResult; corpus: Corpus; config: AlmanacConfig } {
  const { config } = loadConfig(io.cwd);
  const options = loadOptionsOf(config);
  const corpus = loadCorpus(inputsOf(run), io.cwd, {
    ...options,
    prometheusRules: run.prometheusRules ?? options.prometheusRules,
    withTrees: run.paths.length > 0,
  });
  const verified = verifyWithConfig(corpus, config, run.now);
  const result = scoped(verified, run.all ? { ...corpus, asked: undefined } : corpus, run.quiet);
  return { result, corpus, config };
}

async function verifyOnce(run: VerifyRun, io: Io): Promise<{ code: number; corpus: Corpus }> {
  let { result, corpus, config } = check(run, io);
  let fixes: FileFix[] = [];
  if (run.fix) {
    const texts = sourcesByFile(corpus);
    fixes = planFixes(result.findings, (file) => texts.get(file)?.text);
    if (run.fix === 'dry-run') {
      for (const fix of fixes) io.stdout(unifiedDiff(fix));
      const fixed = new Set(fixes.flatMap((f) => f.fixed));
      result = recount({ ...result, findings: result.findings.filter((f) => !fixed.has(f)) });
    } else if (fixes.length) {
      fixes = fixes.filter((fix) => writeFix(fix, io));
      // What is left after the fixes, read again from disk as ESLint reports it.
      ({ result, corpus, config } = check(run, io));
    }
  }
  const { format } = run;
  // The terminal copy beside another format is a digest: the full report is in the file or the annotations.
  const sources = sourcesByFile(corpus);
  const stylish = (limit?: { findings: number; rest: string }) => {
    const text = formatStylish(result.findings, {
      color: io.color,
      sourceLines: (file) => sources.get(file)?.lines,
      limit,
    });
    return `${text ? `${text}\n` : `✔ ${result.summary.files} runbook files checked, no problems\n`}${leftOutLine(result.leftOut)}${fixableLine(result.findings, run.fix)}`;
  };
  const report = format === 'stylish' ? stylish() : render(format, result, config);
  if (run.output) {
    const inputs = inputsOf(run);
    writeReportFile(run.output, report, { cwd: io.cwd, inputs: config.owners ? [...inputs, config.owners] : inputs });
    io.stdout(
      format === 'stylish' ? report : stylish({ findings: DIGEST_FINDINGS, rest: `every finding is in ${run.output}` }),
    );
  } else {
    io.stdout(report);
    // Annotations are capped at 10 per level and step, so the first findings go to the log too.
    if (format === 'github')
      io.stdout(stylish({ findings: DIGEST_FINDINGS, rest: '`almanac verify` and the SARIF report have them all' }));
  }
  // On a runner, what GitHub would not annotate goes to the run's summary page.
  const summaryFile = format === 'github' ? io.env?.GITHUB_STEP_SUMMARY : undefined;
  if (summaryFile) {
    const summary = formatGithubSummary(result.findings);
    if (summary) appendFileSync(summaryFile, summary);
  }
  if (run.fix === 'write' && fixes.length)
    io.stderr(
      `almanac: fixed ${fixes.reduce((n, f) => n + f.fixed.length, 0)} problem(s) in ${fixes.map((f) => f.file).join(', ')}\n`,
    );
  const tooManyWarnings = run.maxWarnings !== undefined && result.summary.warnings > run.maxWarnings;
  if (tooManyWarnings)
    io.stderr(`almanac: ${result.summary.warnings} warnings, more than --max-warnings ${run.maxWarnings}\n`);
  return { code: result.summary.errors > 0 || tooManyWarnings ? 1 : 0, corpus };
}

/**
 * Writes one file's fixes in place, only when it is still the regular file whose text the
 * findings were made from: an edit made meanwhile, or a link put in its place, is left alone.
 */
function writeFix({ file, before, after }: FileFix, io: Io): boolean {
  const path = resolve(io.cwd, file);
  const stat = lstatSync(path, { throwIfNoEntry: false });
  const current = stat?.isFile() ? readFileSync(path, 'utf8') : undefined;
  // The checked text had its byte order mark dropped; the file keeps it.
  const bom = current?.startsWith('\uFEFF') ? '\uFEFF' : '';
  if (current === undefined || current.slice(bom.length) !== before) {
    io.stderr(`almanac: not fixing ${file}: it changed while it was checked, or is not a regular file\n`);
    return false;
  }
  writeFileSync(path, bom + after);
  return true;
}

function fixableLine(findings: readonly Finding[], fix: VerifyRun['fix']): string {
  if (fix) return '';
  const fixable = findings.filter((f) => f.fix || fixOf(f)).length;
  return fixable
    ? `${fixable} problem${fixable === 1 ? ' is' : 's are'} fixable with --fix (see them with --fix-dry-run)\n`
    : '';
}

type ScopedResult = VerifyResult & { leftOut: Scoped['leftOut'] };

/** The result narrowed to what the paths given ask about (errors only when quiet), with its summary counted again. */
function scoped(result: VerifyResult, corpus: Corpus, quiet: boolean): ScopedResult {
  const { findings, files, leftOut } = scopeFindings(result.findings, corpus);
  if (quiet) leftOut.warnings = 0;
  return recount({
    ...result,
    findings: quiet ? findings.filter((f) => f.severity === 'error') : findings,
    summary: { ...result.summary, files },
    leftOut,
  });
}

function recount(result: ScopedResult): ScopedResult {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  return { ...result, summary: { files: result.summary.files, errors, warnings: result.findings.length - errors } };
}

function leftOutLine({ errors, warnings }: Scoped['leftOut']): string {
  if (errors + warnings === 0) return '';
  const counts = [
    errors && `${errors} error${errors === 1 ? '' : 's'}`,
    warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`,
  ]
    .filter(Boolean)
    .join(' and ');
  return `${counts} in other files of the tree not shown (--all shows them)\n`;
}

function render(format: Exclude<Format, 'stylish'>, result: ScopedResult, config: AlmanacConfig): string {
  const findings: Finding[] = result.findings;
  if (format === 'json') return formatJson(findings, result.summary, result.leftOut);
  if (format === 'github') return formatGithub(findings);
  const site = siteUrlOf(config);
  return formatSarif(findings, RULE_METAS, {
    version: VERSION,
    informationUri: site,
    helpUri: (id) => `${site}/rules/#${id}`,
  });
}

/** Every file a finding can be in, by the name findings give it, for code frames and fixes. */
function sourcesByFile(corpus: Corpus): Map<string, SourceFile> {
  const sources = new Map<string, SourceFile>();
  // A file refused or not decoded has no text to frame.
  for (const { source } of [...corpus.runbooks, ...corpus.pages, ...corpus.loadReports])
    if (source.text) sources.set(source.file, source);
  for (const { source } of [...corpus.registries, ...(corpus.prometheusRules ?? [])])
    if (source) sources.set(source.file, source);
  return sources;
}

import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from './io.ts';
import { loadConfig, loadOptionsOf, siteUrlOf } from '../rules/config.ts';
import { GitError, gitSource, resolveBase } from '../load/git-tree.ts';
import { loadCorpus } from '../load/load-tree.ts';
import { todayOption, UsageError } from './usage.ts';
import { todayUtc, verifyWithConfig } from '../rules/verify.ts';
import { diffCorpora, type DiffReport } from '../diff/compare.ts';
import type { Corpus } from '../load/corpus.ts';
import { feedHorizon } from '../schedule/horizons.ts';
import { TimeEngine } from '../time/engine.ts';
import { formatDiffMarkdown } from '../diff/markdown.ts';
import { formatDiffStylish } from '../diff/stylish.ts';

const USAGE = `Usage: almanac diff [paths...] [options]

Shows what a change does to the schedule: the runbooks at a git commit against the
working tree. Windows and tasks that move (in words, with their next occurrences in
UTC and in their zone), objectives, thresholds, escalation and owners old -> new,
the feeds whose events change, and the findings the change brings and fixes.
The base is read from git objects; the working tree is only read.

Options:
  --base <ref>          the commit to compare with (default: the merge base of HEAD
                        with the default branch: origin/HEAD, else main, else master)
  --format <name>       stylish (default), markdown (for $GITHUB_STEP_SUMMARY) or json
  --fail-on <when>      new-errors (default): exit 1 when the change brings an error;
                        errors: exit 1 when the working tree has any error
  --now <date>          the day schedules are read from, YYYY-MM-DD (default: today, UTC)
  -h, --help            show this help

Exit codes: 0 nothing to fail on, 1 errors as --fail-on says, 2 the tool could not run.`;

const FORMATS = ['stylish', 'markdown', 'json'] as const;
const FAIL_ON = ['new-errors', 'errors'] as const;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        base: { type: 'string' },
        format: { type: 'string', default: 'stylish' },
        'fail-on': { type: 'string', default: 'new-errors' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

/** `almanac diff`: reads both sides, verifies each with the same config and day, and prints the report. */
export async function runDiff(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(`unknown format '${values.format}'; almanac diff takes ${FORMATS.join(', ')}`);
  const failOn = values['fail-on'] as (typeof FAIL_ON)[number];
  if (!FAIL_ON.includes(failOn))
    throw new UsageError(`--fail-on takes ${FAIL_ON.join(' or ')}, not '${values['fail-on']}'`);
  const today = todayOption(values.now, io.env) ?? todayUtc();
  const paths = positionals.length ? positionals : ['runbooks'];

  // One config for both sides, the working tree's: a change to it shows as the findings it moves.
  const { config } = loadConfig(io.cwd);
  const options = loadOptionsOf(config);
  const after = loadCorpus(paths, io.cwd, options);
  let report: DiffReport;
  try {
    const base = resolveBase(io.cwd, values.base);
    // The base is read by the same loader, config and all, from the commit's objects.
    const source = gitSource(io.cwd, base.commit);
    const before = loadCorpus(paths, io.cwd, { ...options, source, absentIsEmpty: true });
    // Not one engine for both horizons, as the site has: diff writes the feeds of the changed
    // runbooks only, and expanding every runbook over the feeds' wider days as well cost 20% more
    // time and 340 MiB at 10,000 runbooks (NOTES.md, "One schedule per model").
    const side = (corpus: Corpus) => ({
      corpus,
      result: verifyWithConfig(corpus, config, today),
      feedTime: new TimeEngine(feedHorizon(today, config.feeds)),
    });
    report = diffCorpora(side(before), side(after), {
      base,
      skipped: source.skipped,
      siteUrl: siteUrlOf(config, io.env),
      trees: paths.map((path) => relative(io.cwd, resolve(io.cwd, path)).split(sep).join('/')),
    });
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'markdown'
        ? formatDiffMarkdown(report)
        : formatDiffStylish(report, { color: io.color }),
  );
  const failing = failOn === 'errors' ? report.summary.errors : report.summary.new.errors;
  return failing > 0 ? 1 : 0;
}

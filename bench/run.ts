/**
 * `npm run bench` (node bench/run.ts): how fast Almanac is on large synthetic corpora.
 *
 *   1. the parse floor: read every runbook and parse its frontmatter with js-yaml 4 (`load`,
 *      core schema), nothing else;
 *   2. `almanac verify`, all rules on: in this process, as the CLI does it (loadConfig,
 *      loadCorpus, verifyWithConfig), and once through the real CLI binary for a wall-clock time;
 *   3. feed generation alone for the same model;
 *   4. `npm run build` of 1,000 and 2,000 runbooks against a bare Starlight build of the same
 *      files, with the build's peak memory (its largest process, and its processes at once), every
 *      feed's size and events, the four pages' sizes and the largest owner page's;
 *   5. the worst case: the 1,000-runbook corpus with 20 findings in every runbook, through the
 *      CLI's `run` in this process in stylish and JSON, against the clean corpus;
 *   6. `almanac diff --base HEAD` of the corpus committed to git with one line changed, against
 *      `almanac verify` of it, both through the CLI binary: CPU time and peak memory.
 *
 * Each timed step runs once to warm up, then several times; the median is reported. Corpora are
 * generated into bench/.corpus/<size>/ (gitignored) and reused while the generator is unchanged.
 *
 * Options: --sizes 100,1000,10000  --site-sizes 1000,2000  --runs N (0: site builds once each)  --only floor,verify,cli,feeds,site,worst,diff  --seed N
 *          --budget S (seconds of timed runs per step and size, default 60; a step projected to
 *          take more than twice that is skipped)  --regenerate  --no-write (keep bench/results.json)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import jsYaml from 'js-yaml';
import * as verifier from '@almanac/verifier';
import { run as runCli } from '../packages/verifier/src/cli/cli.ts';
import { BENCH_TODAY, generate } from './generate.ts';
import { runSampled } from './process-memory.ts';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CORPORA = join(BENCH, '.corpus');
const CLI = join(ROOT, 'packages/verifier/bin/almanac.js');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

// A full collection before each timed run, so one run's garbage is not charged to the next.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    'site-sizes': { type: 'string', default: '1000,2000' },
    runs: { type: 'string' },
    only: { type: 'string', default: 'floor,verify,cli,feeds,site,worst,diff' },
    seed: { type: 'string', default: '1' },
    budget: { type: 'string', default: '60' },
    regenerate: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const steps = new Set(values.only.split(','));
const seed = Number(values.seed);
const budgetMs = Number(values.budget) * 1000;
const runsFor = (size: number) => (values.runs ? Number(values.runs) : size >= 10_000 ? 3 : 5);

// --- timing --------------------------------------------------------------------------------

interface Timing {
  median: number;
  runs: number[];
  /** Only one run, without warm-up, because one run took longer than the budget. */
  cold?: boolean;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs `fn` once to warm up, then `runs` times, fewer when a run is long: the timed runs stay
 * within the step budget. A warm-up longer than the budget is the one (cold) measurement.
 */
function time<T>(runs: number, fn: () => T): Timing & { result: T } {
  collect();
  const warmStarted = performance.now();
  let result: T = fn();
  const warm = performance.now() - warmStarted;
  if (runs > 0 && warm > budgetMs)
    return { median: warm, runs: [round(warm)], result, cold: true } as Timing & { result: T };
  runs = Math.min(runs, Math.max(1, Math.floor(budgetMs / warm)));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const started = performance.now();
    result = fn();
    times.push(performance.now() - started);
  }
  return { median: median(times), runs: times.map(round), result };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const seconds = (ms: number | undefined) =>
  ms === undefined
    ? '—'
    : ms >= 10_000
      ? `${(ms / 1000).toFixed(1)} s`
      : ms >= 1000
        ? `${(ms / 1000).toFixed(2)} s`
        : `${Math.round(ms)} ms`;
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? undefined : Math.round((a / b) * 100) / 100;
const log = (text: string) => process.stdout.write(`${text}\n`);

// --- corpora -------------------------------------------------------------------------------

function* runbookFiles(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* runbookFiles(path);
    else if (entry.name.endsWith('.mdx')) yield path;
  }
}

/** The corpus of a size, generated unless the same generator already wrote it with this seed. */
function corpus(size: number): { dir: string; generated: boolean; frontmatterLines: number } {
  const dir = join(CORPORA, String(size));
  const stampFile = join(CORPORA, `${size}.stamp.json`);
  const stamp = JSON.stringify({
    seed,
    size,
    generator: createHash('sha256')
      .update(readFileSync(join(BENCH, 'generate.ts')))
      .digest('hex'),
  });
  let generated = false;
  if (values.regenerate || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp || !existsSync(dir)) {
    generate(dir, size, seed);
    writeFileSync(stampFile, stamp);
    generated = true;
  }
  let lines = 0;
  let files = 0;
  for (const file of runbookFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    lines += text.slice(0, text.indexOf('\n---', 3)).split('\n').length - 1;
    files++;
  }
  return { dir, generated, frontmatterLines: Math.round(lines / files) };
}

// --- steps ---------------------------------------------------------------------------------

/** 1. Read every runbook and parse its frontmatter with js-yaml 4, core schema: nothing else. */
function parseFloor(dir: string): number {
  let parsed = 0;
  for (const file of runbookFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 3);
    if (!text.startsWith('---') || end === -1) continue;
    const data = jsYaml.load(text.slice(text.indexOf('\n') + 1, end + 1), { schema: jsYaml.CORE_SCHEMA });
    if (data) parsed++;
  }
  return parsed;
}

/** 2. What `almanac verify <dir>` does, in this process: config, corpus, every rule. */
function verifyInProcess(dir: string) {
  const started = performance.now();
  const { config } = verifier.loadConfig(dir);
  const corpus = verifier.loadCorpus(['.'], dir, { ownersFile: config.owners });
  const loaded = performance.now();
  const result = verifier.verifyWithConfig(corpus, config, BENCH_TODAY);
  return { corpus, config, result, loadMs: loaded - started, rulesMs: performance.now() - loaded };
}

/** 2b. The CLI binary, as CI runs it: a new process, JSON report on stdout. */
function verifyCli(dir: string) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'verify', '.', '--now', BENCH_TODAY, '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - started;
  let summary: unknown;
  try {
    summary = (JSON.parse(run.stdout) as { summary: unknown }).summary;
  } catch {
    summary = run.stderr.trim().split('\n').slice(0, 3).join(' ');
  }
  return { ms, exitCode: run.status, summary };
}

/** What a CLI process used, as it reports on exit: CPU time counts the work whatever else shares the machine. */
interface ProcessUse {
  wallMs: number;
  cpuMs: number;
  maxRssMiB: number;
  exitCode: number | null;
  stdout: string;
}

/** Prints the process's resource use as the last line of stderr, as it exits. */
const REPORT_USE = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n@use '+JSON.stringify(process.resourceUsage())+'\\n'))`;

function cliUse(dir: string, args: readonly string[]): ProcessUse {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', REPORT_USE, CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wallMs = performance.now() - started;
  const use = /@use (.*)\n?$/.exec(run.stderr)?.[1];
  if (!use)
    throw new Error(
      `almanac ${args[0]} reported no resource use: ${run.stderr.trim().split('\n').slice(0, 3).join(' ')}`,
    );
  const { userCPUTime, systemCPUTime, maxRSS } = JSON.parse(use) as {
    userCPUTime: number;
    systemCPUTime: number;
    maxRSS: number;
  };
  return {
    wallMs,
    cpuMs: (userCPUTime + systemCPUTime) / 1000,
    maxRssMiB: Math.round(maxRSS / 1024),
    exitCode: run.status,
    stdout: run.stdout,
  };
}

/**
 * 6. `almanac diff --base HEAD` against `almanac verify` on the corpus committed to a scratch
 * repository with one window moved an hour: what a pull request's CI pays. In turns, `runs`
 * rounds; the medians of CPU time and the highest peak memory are kept.
 */
function diffAgainstVerify(cleanDir: string, size: number, runs: number) {
  const dir = join(CORPORA, `diff-${size}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(cleanDir, dir, { recursive: true });
  const git = (...args: string[]) =>
    spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@almanac.invalid', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const file = git('ls-files', '*.mdx').stdout.split('\n')[0]!;
  const text = readFileSync(join(dir, file), 'utf8');
  writeFileSync(
    join(dir, file),
    text.replace(
      /start: "(\d\d):/,
      (_, hour: string) => `start: "${String((Number(hour) + 1) % 24).padStart(2, '0')}:`,
    ),
  );
  const verify: ProcessUse[] = [];
  const diff: ProcessUse[] = [];
  for (let turn = 0; turn < runs; turn++) {
    verify.push(cliUse(dir, ['verify', '.', '--now', BENCH_TODAY, '--format', 'json']));
    diff.push(cliUse(dir, ['diff', '.', '--base', 'HEAD', '--now', BENCH_TODAY, '--format', 'json']));
  }
  const summary = (uses: ProcessUse[]) => ({
    cpuMs: round(median(uses.map((u) => u.cpuMs))),
    wallMs: round(median(uses.map((u) => u.wallMs))),
    maxRssMiB: Math.max(...uses.map((u) => u.maxRssMiB)),
    exitCode: uses[0]!.exitCode,
  });
  const report = JSON.parse(diff[0]!.stdout) as { summary: { runbooks: unknown; feeds: number } };
  const [v, d] = [summary(verify), summary(diff)];
  return {
    verify: v,
    diff: d,
    cpuRatio: ratio(d.cpuMs, v.cpuMs),
    changed: { file, runbooks: report.summary.runbooks, feeds: report.summary.feeds },
  };
}

/** Findings added to every runbook of the worst-case corpus. */
const WORST_FINDINGS = 20;

/**
 * The clean corpus with WORST_FINDINGS schema errors in every runbook: unknown fields, each an
 * error with a code frame, their values of growing length up to past a frame's width.
 */
function worstCorpus(cleanDir: string): string {
  const dir = join(CORPORA, `worst-${SITE_SIZE}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(cleanDir, dir, { recursive: true });
  const hostile = Array.from(
    { length: WORST_FINDINGS },
    (_, k) => `x_unknown_${k}: "\\u001b[31m${'x'.repeat(k * 10)}"`,
  ).join('\n');
  for (const file of runbookFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 3);
    writeFileSync(file, `${text.slice(0, end + 1)}${hostile}${text.slice(end)}`);
  }
  return dir;
}

/**
 * 5a. The CLI's `run` in this process, as the binary runs it: wall and CPU time (the CPU time is
 * the work done whatever else shares the machine) and the bytes it prints.
 */
async function cliInProcess(dir: string, format: 'json' | 'stylish') {
  let bytes = 0;
  let last = '';
  collect();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const exitCode = await runCli(['verify', '.', '--now', BENCH_TODAY, '--format', format], {
    stdout: (text) => {
      bytes += Buffer.byteLength(text);
      last = text;
    },
    stderr: () => {},
    cwd: dir,
    color: false,
  });
  const used = process.cpuUsage(cpu);
  const summary =
    format === 'json' ? (JSON.parse(last) as { summary: unknown }).summary : last.trim().split('\n').at(-1);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, bytes, exitCode, summary };
}

/** 5. The CLI over the clean and the worst-case corpus, stylish and JSON, in turns: medians per case. */
async function worstCase(cleanDir: string) {
  const dirs = { clean: cleanDir, worst: worstCorpus(cleanDir) };
  const kinds = ['clean', 'worst'] as const;
  const out: Record<
    string,
    { median: number; cpuMedian: number; runs: number[]; bytes: number; exitCode: number; summary: unknown }
  > = {};
  const rounds = values.runs ? Number(values.runs) : 3;
  for (const format of ['stylish', 'json'] as const) {
    for (const kind of kinds) await cliInProcess(dirs[kind], format); // warm-up
    const runs: Record<string, Array<Awaited<ReturnType<typeof cliInProcess>>>> = { clean: [], worst: [] };
    for (let r = 0; r < rounds; r++) for (const kind of kinds) runs[kind]!.push(await cliInProcess(dirs[kind], format));
    for (const kind of kinds) {
      const last = runs[kind]!.at(-1)!;
      out[`${kind} ${format}`] = {
        median: round(median(runs[kind]!.map((r) => r.ms))),
        cpuMedian: round(median(runs[kind]!.map((r) => r.cpuMs))),
        runs: runs[kind]!.map((r) => round(r.ms)),
        bytes: last.bytes,
        exitCode: last.exitCode,
        summary: last.summary,
      };
    }
    const [clean, worst] = [out[`clean ${format}`]!, out[`worst ${format}`]!];
    log(
      `  ${format}: clean ${seconds(clean.median)} wall, ${seconds(clean.cpuMedian)} CPU, ${(clean.bytes / 1024).toFixed(0)} KiB; worst ${seconds(worst.median)} wall, ${seconds(worst.cpuMedian)} CPU, ${(worst.bytes / 1024).toFixed(0)} KiB; worst/clean CPU ${ratio(worst.cpuMedian, clean.cpuMedian)}×`,
    );
  }
  return { runbooks: SITE_SIZE, findingsAdded: WORST_FINDINGS * SITE_SIZE, ...out };
}

/** 3. Every feed for the model: expansions over the feeds' horizon, the feed sets, the iCalendar bytes the site writes. */
function buildFeeds(model: { corpus: verifier.Corpus; config: verifier.AlmanacConfig }) {
  const time = new verifier.TimeEngine(verifier.feedHorizon(BENCH_TODAY, model.config.feeds ?? {}));
  const sets = verifier.feedSets(model.corpus, time);
  const writer = verifier.createFeedWriter({
    siteUrl: verifier.siteUrlOf(model.config, {}),
    dtstamp: Date.parse(`${BENCH_TODAY}T00:00:00Z`),
    sequenceOf: () => 0,
    pageHrefOf: (runbook: verifier.Runbook) => `/${runbook.source.file.replace(/\.mdx?$/, '')}/`,
  });
  let bytes = 0;
  for (const set of sets) for (const part of writer.bytes(set)) bytes += part.length;
  return { feeds: sets.length, bytes };
}

/**
 * A project that builds a corpus as a site: `almanac` is this repository's site (its config,
 * src/ and package.json), `bare` plain Starlight with the same content collection and Markdown
 * settings and none of Almanac's pages, components or feeds. Both inside bench/.corpus, so
 * that packages resolve from the repository's node_modules.
 */
function siteProject(kind: 'almanac' | 'bare', corpusDir: string): string {
  const dir = join(CORPORA, `site-${kind}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(corpusDir, join(dir, 'runbooks'), { recursive: true });
  // Both with this package.json: Astro bundles for the server the packages a project's package.json depends on (Starlight).
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  if (kind === 'almanac') {
    for (const entry of ['tsconfig.json', 'src']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    // The generated corpus carries one error on purpose: the plugin reports it as the build starts, and the build must still run.
    const config = readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8');
    if (!config.includes('almanac()'))
      throw new Error('astro.config.mjs no longer calls almanac(): update bench/run.ts');
    writeFileSync(join(dir, 'astro.config.mjs'), config.replace('almanac()', 'almanac({ stopOnErrors: false })'));
  } else {
    writeFileSync(
      join(dir, 'astro.config.mjs'),
      `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nimport mdx from '@astrojs/mdx';\n\nexport default defineConfig({ integrations: [starlight({ title: 'Bare', markdown: { processedDirs: ['./runbooks/'] } }), mdx()] });\n`,
    );
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src/content.config.ts'),
      `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: glob({ base: './runbooks', pattern: '**/[^_]*.{md,mdx}' }), schema: docsSchema() }) };\n`,
    );
  }
  return dir;
}

/** Where `time -f %M` is, to read a build's peak memory (max RSS of its largest process, in KiB). */
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((path) => existsSync(path));

/** The peak memory of the last build of each kind, bytes: its largest process's max RSS, and the most its processes held at once. */
const peakRss: Record<'almanac' | 'bare', PeakMemory> = { almanac: {}, bare: {} };
interface PeakMemory {
  largest?: number;
  sum?: number;
}

/**
 * One clean build: what `npm run build` runs (Almanac's plugin verifies as it starts, with
 * build.env's environment; bare Starlight's as `astro build`), with no cache from the last.
 */
async function siteBuild(kind: 'almanac' | 'bare', dir: string): Promise<number> {
  for (const cache of ['dist', '.astro', 'node_modules']) rmSync(join(dir, cache), { recursive: true, force: true });
  const env = { ...process.env, ALMANAC_NOW: BENCH_TODAY, ASTRO_TELEMETRY_DISABLED: '1' };
  const args = [...(kind === 'almanac' ? [`--env-file=${join(ROOT, 'build.env')}`] : []), ASTRO, 'build'];
  const [command, commandArgs] = GNU_TIME
    ? [GNU_TIME, ['-f', '%M', process.execPath, ...args]]
    : [process.execPath, args];
  const started = performance.now();
  const out = await runSampled(command, commandArgs, { cwd: dir, env });
  const ms = performance.now() - started;
  if (out.status !== 0) throw new Error(`${kind} build failed (exit ${out.status}):\n${out.stderr.slice(-2000)}`);
  const kib = GNU_TIME ? Number(/(\d+)\s*$/.exec(out.stderr)?.[1]) : NaN;
  peakRss[kind] = { largest: kib > 0 ? kib * 1024 : undefined, sum: out.peakSumBytes };
  if (!existsSync(join(dir, 'dist/pagefind'))) throw new Error(`${kind} build wrote no search index`);
  return ms;
}

/**
 * The two builds in turns (bare, Almanac, bare, Almanac…) after one warm-up each, so that a
 * machine that slows down or speeds up during the minutes they take weighs on both alike; the
 * ratio is the median of each round's ratio. Rounds: as many as fit the budget, at least one.
 */
async function siteBuilds(size: number, corpusDir: string) {
  log(
    `\nSite build of ${size.toLocaleString('en')} runbooks (memory settings from the environment: ${buildSettings() || 'none'}; Almanac's also build.env, as \`npm run build\`)`,
  );
  const kinds = ['bare', 'almanac'] as const;
  const dirs = { bare: siteProject('bare', corpusDir), almanac: siteProject('almanac', corpusDir) };
  const warm = { bare: await siteBuild('bare', dirs.bare), almanac: await siteBuild('almanac', dirs.almanac) };
  // --runs 0: the warm-up builds are the measurement (a 2,000-runbook build takes minutes).
  const rounds =
    values.runs === '0'
      ? 0
      : Math.max(
          1,
          Math.min(values.runs ? Number(values.runs) : 3, Math.floor((2 * budgetMs) / (warm.bare + warm.almanac))),
        );
  const runs: Record<(typeof kinds)[number], number[]> = rounds
    ? { bare: [], almanac: [] }
    : { bare: [warm.bare], almanac: [warm.almanac] };
  for (let r = 0; r < rounds; r++) for (const kind of kinds) runs[kind].push(await siteBuild(kind, dirs[kind]));
  const result: Partial<Record<(typeof kinds)[number], Timing & { pages: number }>> = {};
  for (const kind of kinds) {
    const pages = readdirSync(join(dirs[kind], 'dist'), { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.html'),
    ).length;
    result[kind] = { median: round(median(runs[kind])), runs: runs[kind].map(round), pages };
    log(
      `  site build, ${kind}: ${seconds(result[kind].median)} for ${pages} pages (${runs[kind].map(seconds).join(', ')})`,
    );
  }
  const ratios = runs.almanac.map((ms, i) => ms / runs.bare[i]!);
  const output = siteOutput(join(dirs.almanac, 'dist'));
  const peak = { almanac: peakRss.almanac, bare: peakRss.bare };
  const memory = (p: PeakMemory) => `${mebibytes(p.largest)} (its processes at once ${mebibytes(p.sum)})`;
  log(`  peak memory, largest process: Almanac ${memory(peak.almanac)}, bare ${memory(peak.bare)}`);
  log(
    `  feeds: ${output.feeds.count}, ${mebibytes(output.feeds.bytes)} in all; all.ics ${kibibytes(output.feeds.all.bytes)} with ${output.feeds.all.events} events; largest ${output.feeds.largest.path} ${kibibytes(output.feeds.largest.bytes)} with ${output.feeds.largest.events} events; events per feed: median ${output.feeds.events.median}, most ${output.feeds.events.most}; over 1 MiB: ${output.feeds.over1MiB}`,
  );
  log(
    `  pages: ${Object.entries(output.pages)
      .map(([page, bytes]) => `${page} ${kibibytes(bytes)}`)
      .join(', ')}; dist ${mebibytes(output.distBytes)}`,
  );
  return {
    runbooks: size,
    ...result,
    buildOverBare: Math.round(median(ratios) * 100) / 100,
    roundRatios: ratios.map((r) => Math.round(r * 100) / 100),
    peakMemoryBytes: peak,
    memorySettings: buildSettings(),
    ...output,
  };
}

/** The environment that bounds a build's memory (NOTES.md, "Build memory"): the builds inherit the bench's. */
const buildSettings = () =>
  ['NODE_OPTIONS', 'MIMALLOC_PURGE_DELAY']
    .flatMap((name) => (process.env[name] ? [`${name}=${process.env[name]}`] : []))
    .join(' ');

const mebibytes = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
const kibibytes = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(0)} KiB`);

/** What a build wrote that a reader's client must take: every feed's size and events, the heaviest pages. */
function siteOutput(dist: string) {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' });
  const sizeOf = (name: string) => statSync(join(dist, name)).size;
  const feeds = files
    .filter((name) => name.startsWith('calendars/') && name.endsWith('.ics'))
    .map((name) => {
      const text = readFileSync(join(dist, name), 'utf8');
      return { path: name, bytes: Buffer.byteLength(text), events: text.split('\r\nBEGIN:VEVENT\r\n').length - 1 };
    });
  const largest = feeds.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const all = feeds.find((feed) => feed.path === 'calendars/all.ics')!;
  const events = feeds.map((feed) => feed.events);
  // The four pages that speak of every runbook, and the largest of the owners' own pages, which grow with what one owner owns.
  const ownerPages = files.filter((name) => /^owners\/[^/]+\/index\.html$/.test(name));
  const largestOwnerPage = ownerPages.reduce<string | undefined>(
    (a, b) => (a === undefined || sizeOf(b) > sizeOf(a) ? b : a),
    undefined,
  );
  const pages = Object.fromEntries(
    [
      'index.html',
      'calendar/index.html',
      'owners/index.html',
      'report/index.html',
      ...(largestOwnerPage ? [largestOwnerPage] : []),
    ].map((page) => [page, existsSync(join(dist, page)) ? sizeOf(page) : undefined]),
  );
  return {
    feeds: {
      count: feeds.length,
      bytes: feeds.reduce((n, f) => n + f.bytes, 0),
      all,
      largest,
      events: { median: median(events), most: Math.max(...events) },
      over1MiB: feeds.filter((f) => f.bytes > 2 ** 20).length,
    },
    pages,
    distBytes: files.reduce((n, name) => n + (statSync(join(dist, name)).isFile() ? sizeOf(name) : 0), 0),
  };
}

// --- the run -------------------------------------------------------------------------------

interface SizeResult {
  runbooks: number;
  frontmatterLines: number;
  floor?: Timing;
  verify?: Timing & { loadMs: number; rulesMs: number; findings: number; errors: number; warnings: number };
  cli?: { ms: number; exitCode: number | null; summary: unknown };
  feeds?: (Timing & { feeds: number; bytes: number }) | { skipped: string };
  diff?: ReturnType<typeof diffAgainstVerify>;
}

const results: Record<number, SizeResult> = {};
const feedMs = (size: number) => {
  const feeds = results[size]?.feeds;
  return feeds && 'median' in feeds ? feeds.median : undefined;
};
const startedAll = performance.now();
log(
  `Almanac bench: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; sizes ${sizes.join(', ')}; today ${BENCH_TODAY}; seed ${seed}`,
);

for (const size of sizes) {
  const { dir, generated, frontmatterLines } = corpus(size);
  log(
    `\n${size} runbooks in ${relative(ROOT, dir)}${generated ? ' (generated)' : ''}, ${frontmatterLines} frontmatter lines on average`,
  );
  const result: SizeResult = { runbooks: size, frontmatterLines };
  results[size] = result;
  const runs = runsFor(size);

  if (steps.has('floor')) {
    const floor = time(runs, () => parseFloor(dir));
    result.floor = { median: round(floor.median), runs: floor.runs };
    log(`  parse floor (js-yaml 4 core): ${seconds(floor.median)}`);
  }

  let model: ReturnType<typeof verifyInProcess> | undefined;
  if (steps.has('verify') || steps.has('feeds')) {
    const loads: number[] = [];
    const rules: number[] = [];
    const verify = time(steps.has('verify') ? runs : 0, () => {
      const out = verifyInProcess(dir);
      loads.push(out.loadMs);
      rules.push(out.rulesMs);
      return out;
    });
    model = verify.result;
    if (steps.has('verify')) {
      const { summary } = model.result;
      result.verify = {
        median: round(verify.median),
        runs: verify.runs,
        loadMs: round(median(loads.length > 1 ? loads.slice(1) : loads)),
        rulesMs: round(median(rules.length > 1 ? rules.slice(1) : rules)),
        findings: model.result.findings.length,
        errors: summary.errors,
        warnings: summary.warnings,
      };
      log(
        `  verify in process: ${seconds(verify.median)} (load ${seconds(result.verify.loadMs)}, rules ${seconds(result.verify.rulesMs)}); ${summary.errors} errors, ${summary.warnings} warnings`,
      );
    }
  }

  if (steps.has('cli')) {
    const cli = verifyCli(dir);
    result.cli = { ms: round(cli.ms), exitCode: cli.exitCode, summary: cli.summary };
    log(`  verify via the CLI (one run, wall clock): ${seconds(cli.ms)}, exit ${cli.exitCode}`);
  }

  if (steps.has('feeds')) {
    const previous = sizes
      .slice(0, sizes.indexOf(size))
      .reverse()
      .find((s) => feedMs(s) !== undefined);
    const projected = previous === undefined ? undefined : (feedMs(previous)! * size) / previous;
    if (projected !== undefined && projected > 2 * budgetMs) {
      result.feeds = {
        skipped: `one run is projected to take ${seconds(projected)} (${seconds(feedMs(previous!))} at ${previous} runbooks), over twice the ${values.budget} s budget`,
      };
      log(`  feeds: skipped: ${result.feeds.skipped}`);
    } else {
      try {
        const feeds = time(runs, () => buildFeeds(model!));
        result.feeds = {
          median: round(feeds.median),
          runs: feeds.runs,
          ...(feeds.cold ? { cold: true } : {}),
          ...feeds.result,
        };
        log(
          `  feeds: ${seconds(feeds.median)}${feeds.cold ? ' (one cold run)' : ''} for ${feeds.result.feeds} feeds, ${(feeds.result.bytes / 2 ** 20).toFixed(1)} MiB`,
        );
      } catch (error) {
        result.feeds = { skipped: `the feed builder failed: ${(error as Error).message}` };
        log(`  feeds: skipped: ${result.feeds.skipped}`);
      }
    }
  }
  model = undefined;

  if (steps.has('diff')) {
    const diff = (result.diff = diffAgainstVerify(dir, size, Math.min(runs, 3)));
    log(
      `  diff --base HEAD, one window moved (CLI, CPU time): ${seconds(diff.diff.cpuMs)}, ${diff.diff.maxRssMiB} MiB peak, against verify's ${seconds(diff.verify.cpuMs)}, ${diff.verify.maxRssMiB} MiB: ${diff.cpuRatio}×; ${diff.changed.feeds} feeds changed`,
    );
  }
}

// 4. The site: `npm run build` of 1,000- and 2,000-runbook projects against bare Starlight builds of them.
const SITE_SIZE = 1000;
const siteSizes = values['site-sizes'].split(',').map(Number);
// One size after the other: builds at the same time would share the machine's memory and cores.
let site: Array<Awaited<ReturnType<typeof siteBuilds>>> | undefined;
if (steps.has('site')) {
  site = [];
  for (const size of siteSizes) site.push(await siteBuilds(size, corpus(size).dir));
}

// 5. The worst case: every one of 1,000 runbooks with 20 findings, against the clean corpus.
if (steps.has('worst'))
  log(`\nWorst case: ${SITE_SIZE.toLocaleString('en')} runbooks with ${WORST_FINDINGS} findings each, through the CLI`);
const worst = steps.has('worst') ? await worstCase(corpus(SITE_SIZE).dir) : undefined;

// --- ratios and the table ------------------------------------------------------------------

const at = (size: number) => results[size];
const verifyOverFloor = Object.fromEntries(
  sizes.map((size) => [size, ratio(at(size)?.verify?.median, at(size)?.floor?.median)]),
);
const growth = {
  floor: ratio(at(10_000)?.floor?.median, at(1000)?.floor?.median),
  verify: ratio(at(10_000)?.verify?.median, at(1000)?.verify?.median),
  cli: ratio(at(10_000)?.cli?.ms, at(1000)?.cli?.ms),
  feeds: ratio(feedMs(10_000), feedMs(1000)),
  verifyOverFloor: ratio(verifyOverFloor[10_000], verifyOverFloor[1000]),
};

const header = ['runbooks', 'parse floor', 'verify', 'verify/floor', 'load', 'rules', 'CLI wall', 'feeds'];
const rows = sizes.map((size) => {
  const r = at(size)!;
  return [
    size.toLocaleString('en'),
    seconds(r.floor?.median),
    seconds(r.verify?.median),
    verifyOverFloor[size] === undefined ? '—' : `${verifyOverFloor[size]}×`,
    seconds(r.verify?.loadMs),
    seconds(r.verify?.rulesMs),
    seconds(r.cli?.ms),
    seconds(feedMs(size)),
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
log(
  `\n${line(header)}\n|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|\n${rows.map(line).join('\n')}`,
);
const grew = (name: string, x: number | undefined) => (x === undefined ? '' : `${name} ${x}×`);
log(
  `\n1,000 → 10,000 runbooks: ${[grew('floor', growth.floor), grew('verify', growth.verify), grew('CLI', growth.cli), grew('feeds', growth.feeds), grew('verify/floor', growth.verifyOverFloor)].filter(Boolean).join(', ')}`,
);
for (const built of site ?? []) {
  log(
    `Site build of ${built.runbooks.toLocaleString('en')} runbooks: Almanac ${seconds(built.almanac?.median)}, bare Starlight ${seconds(built.bare?.median)}, build/bare ${built.buildOverBare}× (the median of rounds ${built.roundRatios.map((r) => `${r}×`).join(', ')}); peak memory ${mebibytes(built.peakMemoryBytes.almanac.largest)} (bare ${mebibytes(built.peakMemoryBytes.bare.largest)}); all.ics ${kibibytes(built.feeds.all.bytes)}, largest feed ${kibibytes(built.feeds.largest.bytes)}; pages ${Object.entries(
      built.pages,
    )
      .map(([page, bytes]) => `${page} ${kibibytes(bytes)}`)
      .join(', ')}`,
  );
}
log(`Whole bench: ${seconds(performance.now() - startedAll)}`);

if (!values['no-write']) {
  const out = {
    date: new Date().toISOString(),
    machine: {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model.trim(),
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    corpus: { generator: 'bench/generate.ts', seed, today: BENCH_TODAY },
    sizes: results,
    ratios: { verifyOverFloor, growth1000to10000: growth },
    site,
    worst,
  };
  writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  log(`Wrote ${relative(process.cwd(), join(BENCH, 'results.json'))}`);
}

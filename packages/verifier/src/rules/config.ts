import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { RULE_METAS } from './index.ts';
import { firstUnsafe, visible } from '../schema/escape.ts';
import { promqlProblem } from '../schema/promql-shape.ts';
import { ALLOWABLE_FIELDS, HTML_FIELDS } from '../schema/runbook.ts';
import { isInside } from '../load/safe-read.ts';
import type { LoadOptions } from '../load/load-tree.ts';

/**
 * A file the config names, relative to the project (the config's folder) and inside it: the
 * config may come from a pull request, and `/etc/passwd` or `../.aws/credentials` would be read
 * and shown in a code frame, a GitHub annotation too.
 */
const projectPath = z
  .string({ error: 'must be a path relative to the project, such as "runbooks/owners.yaml"' })
  .min(1, 'must be a path relative to the project, such as "runbooks/owners.yaml"')
  .refine(
    (path) => !isAbsolute(path) && !normalize(path).split(/[\\/]/).includes('..'),
    'must be a path inside the project, relative to it, such as "runbooks/owners.yaml"',
  )
  .refine((path) => !firstUnsafe(path), {
    error: (issue) => `must be a path of plain characters; it holds ${firstUnsafe(issue.input as string)}`,
  });

const days = (what: string) =>
  z
    .number({ error: `${what} must be a whole number of days` })
    .int(`${what} must be a whole number of days`)
    .min(0)
    .max(3660);

const whole = (what: string, unit: string) =>
  z
    .number({ error: `${what} must be a whole number of ${unit}` })
    .int(`${what} must be a whole number of ${unit}`)
    .min(1);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z
    .record(z.string(), z.enum(['off', 'warn', 'error'], { error: 'must be "off", "warn" or "error"' }))
    .optional()
    .describe('Severity per rule id'),
  horizon: z
    .strictObject({ daysBack: days('horizon.daysBack').optional(), daysAhead: days('horizon.daysAhead').optional() })
    .optional()
    .describe('How far the schedule checks look, around today'),
  feeds: z
    .strictObject({
      daysBack: days('feeds.daysBack').optional(),
      daysAhead: days('feeds.daysAhead').optional(),
      maxBytes: whole('feeds.maxBytes', 'bytes')
        .optional()
        .describe(
          'A feed larger than this keeps its events of most impact and the build warns (default 1 MiB: Google Calendar stops reading at about 1 MB)',
        ),
      maxEvents: whole('feeds.maxEvents', 'events')
        .optional()
        .describe('A feed with more events than this keeps those of most impact and the build warns (default 1,000)'),
    })
    .optional()
    .describe('The rolling horizon and size budget of the calendar feeds'),
  siteUrl: z
    .url({ error: 'must be an absolute URL such as https://runbooks.example.com' })
    // The text as written reaches feeds and alert rules: braces would be template code in runbook_url.
    .regex(
      /^[^\s{}<>"\\\u0000-\u001f\u007f-\u009f]*$/,
      'must be an absolute URL such as https://runbooks.example.com, without spaces, braces, quotes or control characters',
    )
    .optional()
    .describe('Where the site is published; feed URLs and UIDs use it'),
  owners: projectPath
    .optional()
    .describe('The owners registry for every runbook, instead of owners.yaml at each tree root'),
  metrics: z
    .record(
      z.string().min(1, 'a metric name must not be empty'),
      z
        .string({ error: 'must be a PromQL query' })
        .trim()
        .min(1, 'must be a PromQL query')
        .refine((query) => !promqlProblem(query), {
          error: (issue) => `must be one PromQL expression; it has ${promqlProblem(issue.input as string)}`,
        }),
    )
    .optional()
    .describe(
      'PromQL query per runbook metric name, for the generated Prometheus alerts; $system stands for the system id',
    ),
  prometheusRules: z
    .union([projectPath, z.array(projectPath)], { error: 'must be a file path inside the project or a list of them' })
    .optional()
    .describe('Hand-written Prometheus rule files to check against the runbooks (alert-threshold-drift)'),
  maxFileBytes: z
    .number({ error: 'maxFileBytes must be a whole number of bytes' })
    .int('maxFileBytes must be a whole number of bytes')
    .min(1)
    .optional()
    .describe('Runbook and owners files larger than this are reported, not read (default 5 MiB)'),
  allowFrontmatter: z
    .array(z.enum(ALLOWABLE_FIELDS, { error: `must list only ${ALLOWABLE_FIELDS.map((f) => `"${f}"`).join(', ')}` }))
    .optional()
    .describe(
      `Starlight fields taken with any value Starlight takes; ${HTML_FIELDS.join(', ')} put raw HTML on the site and are refused unless listed`,
    ),
});

export type AlmanacConfig = z.infer<typeof configSchema>;

export const DEFAULT_SITE_URL = 'https://almanac.example.org';

/** Where the site is published, without a trailing slash: ALMANAC_SITE_URL, else the config's, else a placeholder. */
export function siteUrlOf(config: AlmanacConfig, env: Record<string, string | undefined> = process.env): string {
  return (env.ALMANAC_SITE_URL || config.siteUrl || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/** How the config says to load runbooks: the one way the CLI and the site read them. */
export function loadOptionsOf(config: AlmanacConfig): LoadOptions {
  return {
    ownersFile: config.owners,
    maxFileBytes: config.maxFileBytes,
    allowFrontmatter: config.allowFrontmatter,
    prometheusRules: config.prometheusRules,
  };
}

/** A config file that cannot be used: the CLI's exit code 2 with this message. */
export class ConfigError extends Error {}

export const CONFIG_FILES = [
  'almanac.config.json',
  'almanac.config.mjs',
  'almanac.config.js',
  'almanac.config.ts',
] as const;

/**
 * Finds and validates almanac.config.* in a folder; no file means every default. Synchronous
 * (require() loads ES modules and, on Node 24, TypeScript) so that the site's pages can call it.
 */
export function loadConfig(dir: string): { config: AlmanacConfig; file?: string } {
  const found = CONFIG_FILES.filter((name) => existsSync(join(dir, name)));
  if (found.length === 0) return { config: {} };
  if (found.length > 1) throw new ConfigError(`found ${found.join(' and ')}; keep one config file`);
  const file = found[0]!;
  let raw: unknown;
  try {
    if (file.endsWith('.json')) raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    else {
      const loaded = createRequire(join(dir, 'package.json'))(join(dir, file)) as { default?: unknown };
      raw = loaded.default ?? loaded;
    }
  } catch (error) {
    throw new ConfigError(`${file} cannot be read: ${visible((error as Error).message)}`);
  }
  const config = parseConfig(raw, file);
  checkLinks(config, dir, file);
  return { config, file };
}

/** A named file that is a link, or lies under one, must still land inside the project. */
function checkLinks(config: AlmanacConfig, dir: string, file: string): void {
  const rules = config.prometheusRules;
  const named: Array<[key: string, path: string]> = [];
  if (config.owners) named.push(['owners', config.owners]);
  if (typeof rules === 'string') named.push(['prometheusRules', rules]);
  else rules?.forEach((path, i) => named.push([`prometheusRules.${i}`, path]));
  const root = realpathSync(dir);
  for (const [key, path] of named) {
    let real: string;
    try {
      real = realpathSync(resolve(dir, path));
    } catch {
      continue; // Missing: the loader says so where it reads it.
    }
    if (!isInside(root, real))
      throw new ConfigError(
        `${file} is not valid:\n  ${key}: ${quote(path)} leads outside the project through a link; it is not read`,
      );
  }
}

/** Config text as a message shows it: quoted, every control or line-breaking character escaped. */
const quote = (text: string): string => `'${visible(text).replaceAll("'", "\\'")}'`;

export function parseConfig(raw: unknown, file = 'config'): AlmanacConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) =>
        `  ${issue.path.map((key) => (typeof key === 'number' || /^[\w$-]+$/.test(String(key)) ? String(key) : quote(String(key)))).join('.') || '(top level)'}: ${issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(quote).join(', ')}` : issue.message}`,
    );
    throw new ConfigError(`${file} is not valid:\n${problems.join('\n')}`);
  }
  const unknown = Object.keys(parsed.data.rules ?? {}).filter((id) => !RULE_METAS.has(id));
  if (unknown.length)
    throw new ConfigError(
      `${file} names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(', ')}; rules are ${[...RULE_METAS.keys()].join(', ')}`,
    );
  return parsed.data;
}

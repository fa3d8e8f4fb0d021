import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { RULE_METAS } from './rules/index.ts';
import { HTML_FIELDS } from './schema/runbook.ts';
import type { LoadOptions } from './source/load-tree.ts';

const days = (what: string) => z.number({ error: `${what} must be a whole number of days` }).int(`${what} must be a whole number of days`).min(0).max(3660);

const whole = (what: string, unit: string) => z.number({ error: `${what} must be a whole number of ${unit}` }).int(`${what} must be a whole number of ${unit}`).min(1);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z
    .record(z.string(), z.enum(['off', 'warn', 'error'], { error: 'must be "off", "warn" or "error"' }))
    .optional()
    .describe('Severity per rule id'),
  horizon: z.strictObject({ daysBack: days('horizon.daysBack').optional(), daysAhead: days('horizon.daysAhead').optional() }).optional().describe('How far the schedule checks look, around today'),
  feeds: z
    .strictObject({
      daysBack: days('feeds.daysBack').optional(),
      daysAhead: days('feeds.daysAhead').optional(),
      maxBytes: whole('feeds.maxBytes', 'bytes').optional().describe('A feed larger than this keeps its events of most impact and the build warns (default 1 MiB: Google Calendar stops reading at about 1 MB)'),
      maxEvents: whole('feeds.maxEvents', 'events').optional().describe('A feed with more events than this keeps those of most impact and the build warns (default 1,000)'),
    })
    .optional()
    .describe('The rolling horizon and size budget of the calendar feeds'),
  siteUrl: z.url({ error: 'must be an absolute URL such as https://runbooks.example.com' }).optional().describe('Where the site is published; feed URLs and UIDs use it'),
  owners: z.string().min(1).optional().describe('The owners registry for every runbook, instead of owners.yaml at each tree root'),
  metrics: z
    .record(z.string().min(1, 'a metric name must not be empty'), z.string({ error: 'must be a PromQL query' }).trim().min(1, 'must be a PromQL query'))
    .optional()
    .describe('PromQL query per runbook metric name, for the generated Prometheus alerts; $system stands for the system id'),
  prometheusRules: z
    .union([z.string().min(1), z.array(z.string().min(1))], { error: 'must be a file path or a list of file paths' })
    .optional()
    .describe('Hand-written Prometheus rule files to check against the runbooks (alert-threshold-drift)'),
  maxFileBytes: z
    .number({ error: 'maxFileBytes must be a whole number of bytes' })
    .int('maxFileBytes must be a whole number of bytes')
    .min(1)
    .optional()
    .describe('Runbook and owners files larger than this are reported, not read (default 5 MiB)'),
  allowFrontmatter: z
    .array(z.enum(HTML_FIELDS, { error: `must list only ${HTML_FIELDS.map((f) => `"${f}"`).join(', ')}` }))
    .optional()
    .describe("Starlight fields that put raw HTML on the site, allowed in runbooks (refused by default)"),
});

export type AlmanacConfig = z.infer<typeof configSchema>;

export const DEFAULT_SITE_URL = 'https://almanac.example.org';

/** Where the site is published, without a trailing slash: ALMANAC_SITE_URL, else the config's, else a placeholder. */
export function siteUrlOf(config: AlmanacConfig, env: Record<string, string | undefined> = process.env): string {
  return (env.ALMANAC_SITE_URL || config.siteUrl || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

/** How the config says to load runbooks: the one way the CLI and the site read them. */
export function loadOptionsOf(config: AlmanacConfig): LoadOptions {
  return { ownersFile: config.owners, maxFileBytes: config.maxFileBytes, allowFrontmatter: config.allowFrontmatter, prometheusRules: config.prometheusRules };
}

/** A config file that cannot be used: the CLI's exit code 2 with this message. */
export class ConfigError extends Error {}

export const CONFIG_FILES = ['almanac.config.json', 'almanac.config.mjs', 'almanac.config.js', 'almanac.config.ts'] as const;

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
    throw new ConfigError(`${file} cannot be read: ${(error as Error).message}`);
  }
  return { config: parseConfig(raw, file), file };
}

export function parseConfig(raw: unknown, file = 'config'): AlmanacConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(top level)'}: ${issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : issue.message}`);
    throw new ConfigError(`${file} is not valid:\n${problems.join('\n')}`);
  }
  const unknown = Object.keys(parsed.data.rules ?? {}).filter((id) => !RULE_METAS.has(id));
  if (unknown.length) throw new ConfigError(`${file} names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `'${id}'`).join(', ')}; rules are ${[...RULE_METAS.keys()].join(', ')}`);
  return parsed.data;
}

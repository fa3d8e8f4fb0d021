import type { OwnersRegistry, Page, Runbook } from './corpus.ts';
import type { Report } from './finding.ts';
import { ownerSchema, type Owners } from '../schema/owners.ts';
import { slug } from '../schema/primitives.ts';
import { firstUnsafe } from '../schema/escape.ts';
import { HTML_FIELDS, pageSchema, RUNBOOK_MARKERS } from '../schema/runbook.ts';
import { issuesToReports, validateRunbook } from './validate.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { SourceFile } from './source-file.ts';
import { decodeUtf8 } from './text.ts';
import { parseYamlFast, type FastParse } from './yaml-fast.ts';

export type LoadReport = Report & { ruleId: 'parse' | 'schema' };

export interface ParsedFile {
  runbook?: Runbook;
  page?: Page;
  reports: LoadReport[];
}

/** Decodes bytes, or reports where they stop being UTF-8. */
function decode(file: string, bytes: Uint8Array): { text: string } | { report: LoadReport } {
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return { text: decoded.text.replace(/^\uFEFF/, '') };
  return {
    report: {
      ruleId: 'parse',
      source: new SourceFile(file, ''),
      path: [],
      position: decoded.invalid,
      message: 'The file is not UTF-8 text; save it as UTF-8',
    },
  };
}

export interface ParseOptions {
  /** Starlight fields the config allows with any value Starlight takes (ALLOWABLE_FIELDS). */
  allowFrontmatter?: readonly string[];
}

/** Reads one runbook file's bytes into a runbook, a plain page, or findings. Pure: no I/O. */
export function parseRunbookFile(
  file: string,
  bytes: Uint8Array,
  registry: OwnersRegistry,
  options: ParseOptions = {},
): ParsedFile {
  const decoded = decode(file, bytes);
  if ('report' in decoded) return { reports: [decoded.report] };
  const text = decoded.text;
  const named = fileNameReports(file, text);
  if (named.length) return { reports: named };

  const split = splitFrontmatter(text);
  if (split.kind !== 'frontmatter') {
    const source = new SourceFile(file, text);
    const message =
      split.kind === 'unclosed'
        ? "The frontmatter opened with '---' is never closed; end it with a line of '---'"
        : text.trim() === ''
          ? "The file is empty; a runbook starts with a YAML frontmatter between '---' lines"
          : "The file has no frontmatter; start it with a YAML block between '---' lines that has at least a title";
    return { reports: [{ ruleId: split.kind === 'unclosed' ? 'parse' : 'schema', source, path: [], message }] };
  }

  const source = new SourceFile(file, text, split.yamlStart, split.yamlText);
  const parsed = parseYamlFast(split.yamlText);
  if (!parsed.ok) return { reports: [yamlSyntaxReport(source, parsed)] };

  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      reports: [
        {
          ruleId: 'schema',
          source,
          path: [],
          message: `The frontmatter must be a mapping of fields (such as "title: ..."), not ${describe(data)}`,
        },
      ],
    };
  }
  const allowed = options.allowFrontmatter ?? [];
  const refused = refusedHtmlFields(source, data as Record<string, unknown>, allowed);
  // A field the config allows takes whatever Starlight takes: it is not the schema's to check.
  const record = allowed.length
    ? Object.fromEntries(Object.entries(data).filter(([key]) => !allowed.includes(key)))
    : (data as Record<string, unknown>);
  if (RUNBOOK_MARKERS.some((key) => key in record)) {
    const { runbook, reports } = validateRunbook(source, record, split.body, registry);
    return { runbook, reports: [...refused, ...reports] };
  }
  const page = pageSchema.safeParse(record);
  if (!page.success) return { reports: [...refused, ...issuesToReports(source, record, page.error.issues)] };
  return { page: { source, title: page.data.title }, reports: refused };
}

/**
 * A file name goes into generated files (the Prometheus rules' header, the report) and logs, so
 * one with a control, line-breaking or bidi character is refused before its text is read: a NEL
 * in it would end a YAML comment for Go's reader and start a document of the author's own.
 */
function fileNameReports(file: string, text: string): LoadReport[] {
  const found = firstUnsafe(file);
  if (!found) return [];
  return [
    {
      ruleId: 'schema',
      source: new SourceFile(file, text),
      path: [],
      position: { line: 1, column: 1 },
      message: `The file name holds ${found}; rename the file with plain characters`,
    },
  ];
}

function refusedHtmlFields(
  source: SourceFile,
  record: Record<string, unknown>,
  allowed: readonly string[],
): LoadReport[] {
  return HTML_FIELDS.filter((key) => key in record && !allowed.includes(key)).map((key) => ({
    ruleId: 'schema',
    source,
    path: [key],
    at: 'key',
    message: `Starlight's '${key}' puts raw HTML on the site, so it is refused in runbooks; allow it with "allowFrontmatter": ["${key}"] in almanac.config.json if every author may add script to the site`,
  }));
}

/** Reads owners.yaml. Each owner is validated alone, so one bad entry leaves the others known. */
export function parseOwnersFile(file: string, bytes: Uint8Array): { registry: OwnersRegistry; reports: LoadReport[] } {
  const decoded = decode(file, bytes);
  if ('report' in decoded) return { registry: { file, owners: {} }, reports: [decoded.report] };
  const source = new SourceFile(file, decoded.text);
  const registry: OwnersRegistry = { source, file, owners: {} };
  const parsed = parseYamlFast(decoded.text);
  if (!parsed.ok) return { registry, reports: [yamlSyntaxReport(source, parsed)] };
  const data = parsed.data;
  if (data === null || data === undefined) return { registry, reports: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      registry,
      reports: [
        {
          ruleId: 'schema',
          source,
          path: [],
          message: `owners.yaml must map owner ids to owners, not ${describe(data)}`,
        },
      ],
    };
  }
  const reports: LoadReport[] = [];
  const owners: Owners = {};
  for (const [id, value] of Object.entries(data)) {
    const idCheck = slug.safeParse(id);
    // An owner id names a feed file, so one that is not a plain slug is reported and left out.
    if (!idCheck.success)
      reports.push({
        ruleId: 'schema',
        source,
        path: [id],
        at: 'key',
        message: `Owner id '${id}' ${idCheck.error.issues[0]!.message}`,
      });
    const owner = ownerSchema.safeParse(value);
    if (!owner.success)
      reports.push(
        ...issuesToReports(
          source,
          data,
          owner.error.issues.map((issue) => ({ ...issue, path: [id, ...issue.path] })),
        ),
      );
    else if (idCheck.success) owners[id] = owner.data;
  }
  registry.owners = owners;
  return { registry, reports };
}

function yamlSyntaxReport(source: SourceFile, failed: Extract<FastParse, { ok: false }>): LoadReport {
  // js-yaml reports an unterminated construct past the end of the text; the last line with text is where to look.
  const at = Math.min(failed.offset, source.yamlText.trimEnd().length);
  return {
    ruleId: 'parse',
    source,
    path: [],
    position: source.positionOfYamlOffset(at),
    message: failed.refused ? failed.message : `YAML syntax error: ${failed.message}`,
  };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'empty';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

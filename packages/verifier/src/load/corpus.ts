import type { PrometheusRulesFile } from './prometheus-rules-file.ts';
import type { Owners } from '../schema/owners.ts';
import type { LIST_FIELDS, RunbookData } from '../schema/runbook.ts';
import type { SourceFile } from './source-file.ts';
import type { DataPath } from './yaml-locate.ts';
import type { z } from 'zod';
import type { Report } from './finding.ts';

/** A list item that passed the schema, with the path it has in its file. */
export interface Item<T> {
  value: T;
  path: DataPath;
}

type ListItems = { [K in keyof typeof LIST_FIELDS]: Array<Item<z.infer<(typeof LIST_FIELDS)[K]>>> };
type Scalars = Omit<RunbookData, keyof typeof LIST_FIELDS>;

/**
 * A runbook as rules, pages and feeds see it: the fields that passed the schema. A list item
 * with a schema error is left out of its list (and reported), so the rest is still checked.
 */
export interface Runbook extends Scalars, ListItems {
  source: SourceFile;
  /** Markdown/MDX after the frontmatter. */
  body: string;
  registry: OwnersRegistry;
}

/** One owners.yaml: the owners registry of a runbook tree. */
export interface OwnersRegistry {
  /** Absent when the tree has no owners.yaml. */
  source?: SourceFile;
  /** The path owners.yaml has (or would have), relative to the current directory. */
  file: string;
  owners: Owners;
  /** Where no registry was found, where it was looked for: "none in runbooks/payroll or the folders above it". */
  missing?: string;
}

/** A file that is a page but not a runbook: a guide or an index. */
export interface Page {
  source: SourceFile;
  title: string;
}

export interface Corpus {
  runbooks: Runbook[];
  pages: Page[];
  registries: OwnersRegistry[];
  /** Every file read, runbook or not, valid or not. */
  fileCount: number;
  /**
   * The runbook files whose text was read, valid or not, as findings name them: not those the
   * loader refused (a link out of the tree or to a folder, a special file, one too large). The
   * site publishes no page of a file that is not here.
   */
  filesRead: string[];
  /** Findings of reading and the schema, before any rule runs. */
  loadReports: Array<Report & { ruleId: 'parse' | 'schema' }>;
  /** Hand-written Prometheus rule files to check against the thresholds (`alert-threshold-drift`). */
  prometheusRules?: PrometheusRulesFile[];
  /**
   * The files (runbooks and registries, as findings name them) that the paths given cover, when
   * the trees around them were loaded too; absent when every file loaded was asked about.
   */
  asked?: ReadonlySet<string>;
}

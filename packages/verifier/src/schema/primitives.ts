import { z } from 'zod';
import { firstUnsafe } from './escape.ts';
import { DURATION_PATTERN } from '../time/duration.ts';
import { promqlProblem } from './promql-shape.ts';

// Each primitive says in its message what a correct value looks like, so a schema finding
// can be fixed without opening the docs.

export const slug = z
  .string({ error: 'must be an id of lowercase letters, digits and dashes, such as "db-backup-full"' })
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be an id of lowercase letters, digits and dashes, such as "db-backup-full"',
  );

/**
 * A metric as the monitoring system spells it: Prometheus `node_cpu_seconds_total` or
 * `job:errors:rate5m`, Datadog `system.cpu.user`, CloudWatch `AWS/EC2/CPUUtilization`, or a
 * plain `cpu-utilization`. Only spaces and punctuation no such system uses are refused.
 */
export const metricName = z
  .string({ error: 'must be a metric name such as "node_cpu_seconds_total", "system.cpu.user" or "cpu-utilization"' })
  .regex(
    /^[A-Za-z0-9_:./-]+$/,
    'must be a metric name of letters, digits and _ : . - / (no spaces), such as "node_cpu_seconds_total", "system.cpu.user" or "cpu-utilization"',
  );

export const text = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty');

/**
 * One line of text, as titles and labels must be: they are written where a line break ends
 * what they are in (a YAML comment, an iCalendar property, a log line), so no control, line or
 * paragraph break, BOM or bidi control is taken; the finding names the character and where it is.
 */
export const line = text.check((ctx) => {
  const found = firstUnsafe(ctx.value);
  if (found)
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `must be plain text on one line; it holds ${found}` });
});

/**
 * Text that Starlight puts in the page's <head> (the description): no markup and no control
 * characters, so it cannot close a tag and open a script, whatever the site escapes.
 */
export const plainText = text.regex(
  /^[^<\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/,
  'must be plain text, without "<" or control characters',
);

/** A page's title: one line of plain text, as it is also the <title>. */
export const plainLine = line.regex(/^[^<]*$/, 'must be plain text, without "<" or control characters');

/**
 * PromQL that Almanac wraps as `(query) > level`: a `#` comment or an unbalanced bracket or
 * quote would change what the comparison applies to (`x) or vector(1) # ` fires for ever).
 */
export const promqlQuery = text.check((ctx) => {
  const problem = promqlProblem(ctx.value);
  if (problem)
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `must be one PromQL expression; it has ${problem}` });
});

export const duration = z
  .string({ error: 'must be an ISO 8601 duration such as "PT30M", "PT4H" or "P1D"' })
  .regex(DURATION_PATTERN, 'must be an ISO 8601 duration such as "PT30M", "PT4H" or "P1D"');

export const timeOfDay = z
  .string({ error: 'must be a quoted 24-hour time "HH:MM", such as "02:00"' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time "HH:MM", such as "02:00"');

export const isoDate = z
  .string({ error: 'must be a date YYYY-MM-DD, such as 2025-11-14' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD, such as 2025-11-14')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'is not a real calendar date',
  );

/** Validity of the name is the `timezone-unknown` rule's job, so it can suggest the IANA name. */
export const zoneName = z.string({ error: 'must be an IANA time zone name such as "Africa/Nairobi" or "UTC"' }).min(1);

export const rruleBody = z
  .string({ error: 'must be an RFC 5545 RRULE body such as "FREQ=WEEKLY;BYDAY=SU"' })
  .min(1, 'must be an RFC 5545 RRULE body such as "FREQ=WEEKLY;BYDAY=SU"');

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.map((v) => `"${v}"`).join(', ')}` });
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.array(item, { error: 'must be a list' });
}

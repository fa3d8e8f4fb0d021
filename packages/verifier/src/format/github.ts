import type { Finding } from '../model/finding.ts';
import { visible } from './escape.ts';

// Escaping as @actions/core does: data escapes %, CR and LF; properties also ':' and ','.
// Other controls are then made visible, so an annotation holds nothing a log would act on.
const escapeData = (text: string) => visible(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding. */
export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const properties = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(f.ruleId)}`].join(',');
      return `::${f.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(f.message)}\n`;
    })
    .join('');
}

import { Document, isScalar, visit } from 'yaml';
import { unicodeEscape, visible } from '../../schema/escape.ts';

/**
 * YAML for Prometheus and Alertmanager, which read it with Go's YAML 1.1 parser: every string
 * double-quoted (so that 02:00 is not read as a number of minutes, nor `no` as false), short
 * lists and maps of scalars on one line, and a header comment. `annotate` may add comments; the
 * header and every comment go through `commentText`.
 */
export function toolYaml(data: unknown, header: readonly string[], annotate?: (doc: Document) => void): string {
  const doc = new Document(data);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every(isScalar)) node.flow = true;
    },
    Map(_, node) {
      if (node.items.length <= 2 && node.items.every((pair) => isScalar(pair.value))) node.flow = true;
    },
  });
  annotate?.(doc);
  doc.commentBefore = header.map((line) => ` ${commentText(line)}`).join('\n');
  return escapeRaw(doc.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }));
}

/**
 * Text for one line of a YAML comment: every line break a YAML 1.1 or 1.2 reader knows (LF,
 * CR, NEL, U+2028, U+2029) and every control and bidi character shown as an escape, so that
 * runbook text cannot end the comment and start YAML of its own.
 */
export const commentText = visible;

/**
 * Characters that the `yaml` package writes raw but Go's reader takes as a line break (NEL,
 * U+2028, U+2029 in a double-quoted string are folded into a space) or refuses with the whole
 * file ("control characters are not allowed": C0 but tab and LF, DEL, C1, BOM, U+FFFE/U+FFFF),
 * and bidi controls. Every string is double-quoted, so such a character is either in a string,
 * where `\uXXXX` is the same character, or in a comment, where it is text.
 */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;
const escapeRaw = (yaml: string): string => yaml.replace(RAW, unicodeEscape);

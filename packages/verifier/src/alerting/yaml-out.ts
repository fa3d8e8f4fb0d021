import { Document, isScalar, visit } from 'yaml';

/**
 * YAML for Prometheus and Alertmanager, which read it with Go's YAML 1.1 parser: every string
 * double-quoted (so that 02:00 is not read as a number of minutes, nor `no` as false), short
 * lists and maps of scalars on one line, and a header comment. `annotate` may add comments.
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
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

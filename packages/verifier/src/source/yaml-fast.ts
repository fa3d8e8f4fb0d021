import jsYaml from 'js-yaml';

/** What the fast parse gives: the data, or a syntax error at a 0-based offset into the YAML text. */
export type FastParse = { ok: true; data: unknown } | { ok: false; message: string; offset: number };

/**
 * Parses YAML with js-yaml 4's core schema: YAML 1.2 typing, so `02:00` and `2025-11-14`
 * stay strings for the schema to read. This is the one parse every file pays for; source
 * positions are found later, and only for files that have findings.
 */
export function parseYamlFast(text: string): FastParse {
  try {
    return { ok: true, data: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false }) };
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) {
      return { ok: false, message: error.reason, offset: error.mark?.position ?? 0 };
    }
    throw error;
  }
}

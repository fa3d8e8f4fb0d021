import jsYaml from 'js-yaml';

/**
 * What the fast parse gives: the data, or why not at a 0-based offset into the YAML text: a
 * syntax error, or (`refused`) YAML the verifier does not take although it parses.
 */
export type FastParse = { ok: true; data: unknown } | { ok: false; message: string; offset: number; refused?: true };

export interface FastParseOptions {
  /** Whether anchors and aliases are taken (a hand-written Prometheus rules file); runbooks and owners refuse them. */
  aliases?: boolean;
}

/**
 * Parses YAML with js-yaml 4's core schema: YAML 1.2 typing, so `02:00` and `2025-11-14`
 * stay strings for the schema to read. This is the one parse every file pays for; source
 * positions are found later, and only for files that have findings.
 *
 * Unless `aliases` is set, anchors and the merge key `<<` are refused: js-yaml keeps an alias
 * as a reference to the one node, but everything that walks the data (zod, `almanac diff`,
 * Astro's content store, which parses with the default schema and so also merges `<<`) copies
 * it, and a 9⁹ alias bomb fits in 800 bytes. Without aliases the data is a tree no larger than
 * the text, and the text is capped by `maxFileBytes`: that cap is the node budget.
 */
export function parseYamlFast(text: string, options: FastParseOptions = {}): FastParse {
  let state: { anchorMap?: Record<string, unknown> } | undefined;
  let data: unknown;
  try {
    // An anchor needs an '&': the common file pays for no listener.
    const listener =
      !options.aliases && text.includes('&') ? (_event: string, s: object) => void (state ??= s) : undefined;
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false, ...(listener ? { listener } : {}) });
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) {
      return { ok: false, message: error.reason, offset: error.mark?.position ?? 0 };
    }
    throw error;
  }
  if (!options.aliases) {
    const anchor = Object.keys(state?.anchorMap ?? {})[0];
    if (anchor !== undefined) {
      return {
        ok: false,
        refused: true,
        offset: anchorOffset(text, anchor),
        message: `YAML anchors and aliases (&${anchor}, *${anchor}) are not accepted in frontmatter or owners files: each alias is a copy for the site and the tools, and a few hundred bytes of them grow into gigabytes; write the values out`,
      };
    }
    if (text.includes('<<') && hasMergeKey(data)) {
      return {
        ok: false,
        refused: true,
        offset: Math.max(0, text.indexOf('<<')),
        message:
          "The key '<<' is YAML's merge key: Astro merges it into the page, the verifier would not, so it is not accepted; write the fields out",
      };
    }
  }
  return { ok: true, data };
}

/** Where `&name` first stands in the text, or 0. */
function anchorOffset(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`&${escaped}(?=[\\s,\\[\\]{}]|$)`).exec(text);
  return match?.index ?? 0;
}

/** Whether any mapping in a tree (no aliases: each node is visited once) has the key `<<`. */
function hasMergeKey(data: unknown): boolean {
  const stack = [data];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (!Array.isArray(node) && Object.hasOwn(node, '<<')) return true;
    for (const value of Object.values(node)) stack.push(value);
  }
  return false;
}

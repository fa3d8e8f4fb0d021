const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * What stops a PromQL query from being one expression that `(query) > level` can wrap: a `#`
 * comment (it would swallow the comparison), an unterminated string, or a bracket without its
 * partner; undefined when there is none. Strings are skipped as PromQL reads them: `"…"` and
 * `'…'` with backslash escapes, `` `…` `` raw, so `{path="a#b("}` is fine.
 */
export function promqlProblem(query: string): string | undefined {
  const open: Array<{ char: string; at: number }> = [];
  for (let i = 0; i < query.length; i++) {
    const char = query[i]!;
    if (char === '"' || char === "'" || char === '`') {
      let k = i + 1;
      while (k < query.length && query[k] !== char) k += char !== '`' && query[k] === '\\' ? 2 : 1;
      if (k >= query.length) return `a string opened at character ${i + 1} that is never closed`;
      i = k;
    } else if (char === '#') return `a comment '#' at character ${i + 1}`;
    else if (CLOSER[char]) open.push({ char, at: i });
    else if (char === ')' || char === ']' || char === '}') {
      const last = open.pop();
      if (!last || CLOSER[last.char] !== char)
        return `a '${char}' at character ${i + 1} that closes no '${Object.keys(CLOSER).find((k) => CLOSER[k] === char)}'`;
    }
  }
  const last = open.pop();
  return last ? `a '${last.char}' at character ${last.at + 1} that is never closed` : undefined;
}

import { clip, visible } from '../../schema/escape.ts';

/** Zero-width joiner: invisible, and no part of a URL, domain, user name or number to GitHub. */
const ZWJ = '\u200d';

/** Longest runbook text a report shows in one place: a 250,000-character title is a cut title. */
export const MAX_TEXT = 500;

/**
 * Runbook text in GitHub Markdown (a pull-request comment, a step summary), shown and never
 * acted on. Controls and bidirectional overrides are escapes, as in a terminal (`visible`); HTML
 * and Markdown syntax are escaped, so no tag, link, emphasis or table cell opens; a newline
 * cannot end a table row. GitHub also makes links and notifications out of plain text, which no
 * backslash stops: URLs (`https://`), `www.` names and e-mail addresses become links, `@name`
 * and `@org/team` notify people, `#12` and `GH-12` link issues. A zero-width joiner after `@`,
 * inside `://` and `www.`, and before an issue number breaks each, while the text reads the same.
 */
export function markdownText(text: string, max = MAX_TEXT): string {
  return visible(clip(text, max))
    .replace(/@/g, `@${ZWJ}`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/\b(www)\./gi, (_, www: string) => `${www}${ZWJ}.`)
    .replace(/(#|\bGH-)(?=\d)/gi, (mark) => `${mark}${ZWJ}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~!]/g, (c) => `\\${c}`);
}

/*
 * The page text as Starlight renders it, made usable with a screen reader and on a phone
 * whatever Markdown a runbook's author wrote (Astro's Sätteri processor runs no rehype plugins,
 * so this works on the rendered HTML, whose shapes are fixed by the renderer):
 * - its `#` headings become `##`: the page's one <h1> is the runbook's title, which Starlight writes;
 * - a task-list checkbox is named by its item's text, which GFM leaves unlabelled;
 * - a table sits in a scroll region that the keyboard can reach and that says what it holds;
 * - a code block, which scrolls sideways on a phone, can be reached by the keyboard and says what it holds.
 */

const stripTags = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const attribute = (text: string) => text.replaceAll('"', '&quot;');

function demoteHeadings(html: string): string {
  return html.replaceAll('sl-heading-wrapper level-h1', 'sl-heading-wrapper level-h2').replace(/<(\/?)h1\b/g, '<$1h2');
}

function labelCheckboxes(html: string): string {
  return html.replace(
    /<input type="checkbox"([^>]*?)\s*(\/?)>([\s\S]*?)(?=<\/li>|<ul|<ol)/g,
    (_, attributes: string, slash: string, rest: string) => {
      const label = stripTags(rest).slice(0, 200) || 'Checklist item';
      return `<input type="checkbox"${attributes} aria-label="${attribute(label)}"${slash ? ' /' : ''}>${rest}`;
    },
  );
}

function wrapTables(html: string): string {
  return html.replace(/<table\b[\s\S]*?<\/table>/g, (table) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '';
    const columns = [...head.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) => stripTags(m[1]!)).filter(Boolean);
    const label = columns.length ? `Table: ${columns.join(', ')}` : 'Table';
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${attribute(label)}">${table}</div>`;
  });
}

function focusableCode(html: string): string {
  return html.replace(/<pre\b([^>]*)>/g, (tag, attributes: string) => {
    if (/\stabindex=/.test(attributes)) return tag;
    const language = /\sdata-language="([^"]*)"/.exec(attributes)?.[1];
    return `<pre${attributes} tabindex="0" role="region" aria-label="${attribute(language ? `Code (${language})` : 'Code')}">`;
  });
}

export function accessibleMarkdown(html: string): string {
  return focusableCode(wrapTables(labelCheckboxes(demoteHeadings(html))));
}

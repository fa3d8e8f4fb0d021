/*
 * On a phone (below 40rem) a table's rows stack, each cell under its column's name: the CSS in
 * runbook.css does the stacking, this names each cell from its column's header. Without
 * JavaScript the tables stay tables, in regions that scroll.
 */
for (const table of document.querySelectorAll<HTMLTableElement>('.sl-markdown-content table')) {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])].map((cell) => cell.textContent?.trim() ?? '');
  if (headers.length < 2) continue;
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      [...row.cells].forEach((cell, i) => {
        if (headers[i]) cell.dataset.label = headers[i];
      });
    }
  }
  table.classList.add('stackable');
}

/**
 * Android's `content query` prints one line per row: `Row: 0 _id=1, address=+15550100, body=Hi`
 * (values are not escaped, so a body may hold ", " and newlines; NULL prints as `NULL`), or
 * `No result found.` With the projection's columns known, a row is cut at exactly those column
 * names in that order, so commas inside values stay where they belong.
 */
export type Row = Record<string, string | null>;

export function parseContentQuery(output: string, columns: readonly string[]): Row[] {
  const text = output.replace(/\r\n/g, '\n');
  if (/^\s*No result found\.?\s*$/.test(text)) return [];
  const starts = [...text.matchAll(/^Row: \d+ /gm)];
  return starts.map((m, i) => {
    const body = text.slice(m.index! + m[0].length, i + 1 < starts.length ? starts[i + 1]!.index! : undefined).replace(/\n$/, '');
    return parseRow(body, columns);
  });
}

function parseRow(body: string, columns: readonly string[]): Row {
  const row: Row = {};
  let rest = body;
  columns.forEach((col, i) => {
    const head = i === 0 ? `${col}=` : `, ${col}=`;
    if (!rest.startsWith(head)) throw new Error(`content query row does not have column "${col}" where expected: ${JSON.stringify(body.slice(0, 120))}`);
    rest = rest.slice(head.length);
    const next = columns[i + 1];
    // Tripwire's projections put their one free-text column (body, data1) last, so no value before
    // it can hold the next column's name and the first match is the boundary.
    const end = next === undefined ? rest.length : rest.indexOf(`, ${next}=`);
    if (end < 0) throw new Error(`content query row lacks column "${next}": ${JSON.stringify(body.slice(0, 120))}`);
    const value = rest.slice(0, end);
    row[col] = value === 'NULL' ? null : value;
    rest = rest.slice(end);
  });
  return row;
}

/** `content query` output for rows (what a stand-in device prints): the inverse of parseContentQuery. */
export function formatContentQuery(rows: readonly Row[], columns: readonly string[]): string {
  if (rows.length === 0) return 'No result found.\n';
  return rows.map((r, i) => `Row: ${i} ${columns.map((c) => `${c}=${r[c] ?? 'NULL'}`).join(', ')}\n`).join('');
}

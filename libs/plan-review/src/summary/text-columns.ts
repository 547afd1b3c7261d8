/** Aligns rows into columns for a terminal: two spaces apart, numbers ('r') flush right. */
export function alignColumns(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[], indent = ''): string[] {
  const widths = align.map((_, column) => Math.max(0, ...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => {
    const cells = align.map((side, column) => {
      const text = row[column] ?? '';
      return side === 'r' ? text.padStart(widths[column]) : text.padEnd(widths[column]);
    });
    return `${indent}${cells.join('  ')}`.trimEnd();
  });
}

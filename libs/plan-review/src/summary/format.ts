/** Small Markdown helpers shared by the summary sections. */

export function usd(amount: number): string {
  return amount.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}

export function usdDelta(amount: number): string {
  if (Math.abs(amount) < 0.005) return '±$0.00';
  return `${amount > 0 ? '+' : '−'}${usd(Math.abs(amount))}`;
}

export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string {
  const rule = align.map((side) => (side === 'r' ? '--:' : '---'));
  return [header, rule, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** A list cut to `limit` items, ending with how many were left out. */
export function limitedList(items: readonly string[], limit: number, rest: string): string {
  const shown = items.slice(0, limit).map((item) => `- ${item}`);
  if (items.length > limit) shown.push(`- …and ${items.length - limit} more ${rest}`);
  return shown.join('\n');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

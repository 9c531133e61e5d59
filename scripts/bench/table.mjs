// Prints a measurement table: item, measured, budget, verdict. Returns whether every row is within budget.
const row = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');

export function table(title, rows) {
  const head = ['item', 'measured', 'budget', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  console.log(`\n${title}`);
  console.log(row(head, widths));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(row(r, widths));
  return rows.every((r) => r[3] === 'ok');
}

export const verdict = (value, budget) => (value <= budget ? 'ok' : 'OVER');

/**
 * For tests: an attacker who knows how the figures of a statistics answer add up and solves every
 * sum with exactly one unknown ("the total minus the other parts"), again and again. Independent of
 * the suppression rule's own check, so a test using it can fail where the rule is wrong.
 */
export interface PublishedTable {
  /** Each cell by name: its published value, or null when suppressed. */
  values: Record<string, number | null>;
  /** total = Σ parts, by cell name. */
  sums: [total: string, parts: string[]][];
}

/** The suppressed cells the attacker can compute, with the values found. */
export function recoverBySubtraction(table: PublishedTable): Record<string, number> {
  const known = new Map<string, number>();
  for (const [name, v] of Object.entries(table.values)) if (v !== null) known.set(name, v);
  let progress = true;
  while (progress) {
    progress = false;
    for (const [total, parts] of table.sums) {
      const terms: [string, number][] = [[total, -1], ...parts.map((p): [string, number] => [p, 1])];
      const unknown = terms.filter(([c]) => !known.has(c));
      if (unknown.length !== 1) continue;
      const [cell, coef] = unknown[0];
      const rest = terms.filter(([c]) => c !== cell).reduce((s, [c, k]) => s + k * known.get(c)!, 0);
      known.set(cell, -rest / coef);
      progress = true;
    }
  }
  return Object.fromEntries(
    Object.entries(table.values)
      .filter(([name, v]) => v === null && known.has(name))
      .map(([name]) => [name, known.get(name)!]),
  );
}

/**
 * The pure rule of statistical disclosure control by cell suppression (SCB's "primär och
 * sekundär undertryckning"): a table is a list of cells and the linear relations between them
 * that a reader knows (a total is the sum of its parts, persons = clients + children …).
 *
 * - Primary suppression: a count of persons from 1 to minCell − 1 is hidden (0 is shown: it
 *   says nobody). A magnitude (nights, money, an average) is hidden when a count it is derived
 *   from is hidden.
 * - Complementary suppression: more cells are hidden until no hidden cell can be computed from
 *   the published cells and the relations — not by subtracting within one total, nor by
 *   combining several totals (checked by elimination over the hidden cells).
 *
 * Cells of kind "known" are values a reader has anyway (a budget, a fixed fee): they are never
 * hidden and count as published.
 */

export type CellKind = "count" | "magnitude" | "known";

interface Cell {
  value: number;
  kind: CellKind;
  /** Count cells a magnitude is derived from: hidden when any of them is. */
  basis: number[];
}

/** Σ coef × value = 0 over the terms. */
interface Relation {
  terms: Map<number, number>;
}

const EPSILON = 1e-9;

export class SuppressionTable {
  private readonly cells: Cell[] = [];
  /** The relations as written; turned into `relations` only when a cell is hidden (most answers hide none). */
  private readonly written: [cell: number, coef: number][][] = [];
  private built: Relation[] | undefined;

  /** A count of persons (or of things filed by persons): primary-suppressed when small. */
  count(value: number): number {
    return this.add({ value, kind: "count", basis: [] });
  }

  /** A sum or average derived from counts (nights, money): hidden when a basis count is hidden. */
  magnitude(value: number, basis: readonly number[]): number {
    return this.add({ value, kind: "magnitude", basis: [...basis] });
  }

  /** A value the reader knows anyway; never hidden. */
  known(value: number): number {
    return this.add({ value, kind: "known", basis: [] });
  }

  /** total = Σ parts. */
  sum(total: number, parts: readonly number[]): void {
    const terms: [number, number][] = [[total, -1]];
    for (const p of parts) terms.push([p, 1]);
    this.write(terms);
  }

  /** Σ coef × cell = 0 (e.g. average × months = Σ monthly counts). */
  relation(terms: readonly [cell: number, coef: number][]): void {
    this.write(terms.map(([cell, coef]): [number, number] => [cell, coef]));
  }

  get size(): number {
    return this.cells.length;
  }

  value(cell: number): number {
    return this.cells[cell].value;
  }

  /** The cells to hide for this minimum cell size. */
  suppress(minCell: number): Set<number> {
    const hidden = new Set<number>();
    this.cells.forEach((c, i) => {
      if (c.kind === "count" && c.value > 0 && c.value < minCell) hidden.add(i);
    });
    // No small count: no complement and no magnitude is hidden either (both follow hidden counts).
    if (hidden.size === 0) return hidden;
    this.complete(hidden);
    this.cells.forEach((c, i) => {
      if (c.kind === "magnitude" && c.basis.some((b) => hidden.has(b))) hidden.add(i);
    });
    this.complete(hidden);
    return hidden;
  }

  /** Hidden cells whose value the published cells and the relations determine (should be none). */
  recoverable(hidden: ReadonlySet<number>): number[] {
    return determined(this.relations(), hidden);
  }

  private add(cell: Cell): number {
    this.cells.push(cell);
    return this.cells.length - 1;
  }

  private write(terms: [cell: number, coef: number][]): void {
    this.written.push(terms);
    this.built = undefined;
  }

  /** The written relations with equal cells merged and zero coefficients dropped. */
  private relations(): Relation[] {
    this.built ??= this.written.flatMap((terms) => {
      const map = new Map<number, number>();
      for (const [cell, coef] of terms) map.set(cell, (map.get(cell) ?? 0) + coef);
      for (const [cell, coef] of map) if (Math.abs(coef) < EPSILON) map.delete(cell);
      return map.size > 0 ? [{ terms: map }] : [];
    });
    return this.built;
  }

  private hideable(cell: number, hidden: ReadonlySet<number>): boolean {
    return this.cells[cell].kind !== "known" && !hidden.has(cell);
  }

  /** The complement to hide among candidates: a non-zero cell before a zero, then the smallest, then the first. */
  private best(candidates: Iterable<number>): number | undefined {
    let best: number | undefined;
    for (const c of candidates) {
      if (best === undefined) {
        best = c;
        continue;
      }
      const [v, b] = [this.cells[c].value, this.cells[best].value];
      const rank = (x: number) => (x === 0 ? 1 : 0);
      if (
        rank(v) < rank(b) ||
        (rank(v) === rank(b) && (Math.abs(v) < Math.abs(b) || (Math.abs(v) === Math.abs(b) && c < best)))
      )
        best = c;
    }
    return best;
  }

  private complete(hidden: Set<number>): void {
    const relations = this.relations();
    for (;;) {
      // Cheap pass first: no relation may hold exactly one hidden cell (it would be total − the rest).
      let changed = true;
      while (changed) {
        changed = false;
        for (const r of relations) {
          let inRelation = 0;
          for (const cell of r.terms.keys()) if (hidden.has(cell)) inRelation++;
          if (inRelation !== 1) continue;
          const complement = this.best([...r.terms.keys()].filter((c) => this.hideable(c, hidden)));
          if (complement !== undefined) {
            hidden.add(complement);
            changed = true;
          }
        }
      }
      // Then the full check: a combination of relations may still pin a hidden cell down.
      const pinned = determined(relations, hidden);
      if (pinned.length === 0) return;
      const target = new Set(pinned);
      const candidates = relations
        .filter((r) => [...r.terms.keys()].some((c) => target.has(c)))
        .flatMap((r) => [...r.terms.keys()].filter((c) => this.hideable(c, hidden)));
      const complement = this.best(
        candidates.length
          ? candidates
          : relations.flatMap((r) => [...r.terms.keys()].filter((c) => this.hideable(c, hidden))),
      );
      if (complement === undefined) return; // nothing left to hide: only known values remain
      hidden.add(complement);
    }
  }
}

/**
 * Hidden cells fixed by the relations once the published values are moved to the right-hand
 * side: reduced row echelon form over the hidden cells; a row with a single cell left pins it.
 */
export function determined(
  relations: readonly { terms: ReadonlyMap<number, number> }[],
  hidden: ReadonlySet<number>,
): number[] {
  const pivots = new Map<number, Map<number, number>>();
  for (const relation of relations) {
    const row = new Map<number, number>();
    for (const [cell, coef] of relation.terms) if (hidden.has(cell)) row.set(cell, coef);
    for (const [p, pivotRow] of pivots) {
      const f = row.get(p);
      if (f !== undefined) addScaled(row, pivotRow, -f);
    }
    if (row.size === 0) continue;
    const [p, coef] = row.entries().next().value as [number, number];
    for (const [cell, c] of row) row.set(cell, c / coef);
    for (const other of pivots.values()) {
      const f = other.get(p);
      if (f !== undefined) addScaled(other, row, -f);
    }
    pivots.set(p, row);
  }
  return [...pivots.values()].filter((row) => row.size === 1).map((row) => row.keys().next().value as number);
}

function addScaled(target: Map<number, number>, source: ReadonlyMap<number, number>, factor: number): void {
  for (const [cell, c] of source) {
    const v = (target.get(cell) ?? 0) + factor * c;
    if (Math.abs(v) < EPSILON) target.delete(cell);
    else target.set(cell, v);
  }
}

import fc from "fast-check";
import { DisclosureControl, assertWholeMonths, controlledPolicy, minCellFromEnv } from "./disclosure";
import { SuppressionTable, determined } from "./suppression";

/**
 * An attacker independent of the rule's own check: repeatedly solve every relation with exactly
 * one unknown cell ("total − the other parts"), and return the hidden cells so recovered.
 */
function recoveredBySubtraction(relations: number[][][], values: number[], hidden: Set<number>): Set<number> {
  const known = new Map<number, number>();
  values.forEach((v, i) => {
    if (!hidden.has(i)) known.set(i, v);
  });
  let progress = true;
  while (progress) {
    progress = false;
    for (const terms of relations) {
      const unknown = terms.filter(([c]) => !known.has(c));
      if (unknown.length !== 1) continue;
      const [cell, coef] = unknown[0];
      const rest = terms.filter(([c]) => c !== cell).reduce((s, [c, k]) => s + k * known.get(c)!, 0);
      known.set(cell, -rest / coef);
      progress = true;
    }
  }
  return new Set([...hidden].filter((c) => known.has(c)));
}

/** A 2-D table of person counts with row, column and grand totals; relations as [cell, coef] terms. */
function twoWay(grid: number[][]) {
  const t = new SuppressionTable();
  const relations: number[][][] = [];
  const cells = grid.map((row) => row.map((v) => t.count(v)));
  const rowTotals = grid.map((row) => t.count(row.reduce((s, v) => s + v, 0)));
  const colTotals = grid[0].map((_, j) => t.count(grid.reduce((s, row) => s + row[j], 0)));
  const grand = t.count(grid.flat().reduce((s, v) => s + v, 0));
  const sum = (total: number, parts: number[]) => {
    t.sum(total, parts);
    relations.push([[total, -1], ...parts.map((p) => [p, 1])]);
  };
  cells.forEach((row, i) => sum(rowTotals[i], row));
  grid[0].forEach((_, j) =>
    sum(
      colTotals[j],
      cells.map((row) => row[j]),
    ),
  );
  sum(grand, rowTotals);
  sum(grand, colTotals);
  const values = Array.from({ length: t.size }, (_, i) => t.value(i));
  return { t, relations, values };
}

describe("cell suppression (the pure rule)", () => {
  it("hides a small cell and a complement in a one-way table, so the total does not give it away", () => {
    const t = new SuppressionTable();
    const types = [42, 19, 4, 1, 3, 0].map((v) => t.count(v));
    const total = t.count(69);
    t.sum(total, types);
    const hidden = t.suppress(3);
    // 1 is primary; the smallest other non-zero cell (3) is its complement; 0 and the total stay.
    expect([...hidden].sort()).toEqual([types[3], types[4]].sort());
    expect(t.recoverable(hidden)).toEqual([]);
  });

  it("hides the total when no other part can be hidden", () => {
    const t = new SuppressionTable();
    const part = t.count(1);
    const fee = t.known(500);
    const total = t.count(501);
    t.sum(total, [part, fee]);
    expect([...t.suppress(3)].sort()).toEqual([part, total]);
  });

  it("shows zeros and counts at the threshold; a total of 1 or 2 is itself hidden", () => {
    const t = new SuppressionTable();
    const cells = [0, 3, 0].map((v) => t.count(v));
    const total = t.count(3);
    t.sum(total, cells);
    expect(t.suppress(3).size).toBe(0);
    const u = new SuppressionTable();
    const [a, b] = [u.count(1), u.count(0)];
    const tot = u.count(1);
    u.sum(tot, [a, b]);
    const hidden = u.suppress(3);
    expect(hidden.has(a) && hidden.has(tot)).toBe(true);
    expect(u.recoverable(hidden)).toEqual([]);
  });

  it("hides a magnitude derived from a hidden count, with its own complement", () => {
    const t = new SuppressionTable();
    const counts = [t.count(1), t.count(10), t.count(12)];
    const total = t.count(23);
    t.sum(total, counts);
    const nights = [t.magnitude(30, [counts[0]]), t.magnitude(400, [counts[1]]), t.magnitude(350, [counts[2]])];
    const totalNights = t.magnitude(780, [total]);
    t.sum(totalNights, nights);
    const hidden = t.suppress(3);
    expect(hidden.has(nights[0])).toBe(true);
    expect(hidden.has(counts[1]) && hidden.has(nights[1])).toBe(true); // the complement's nights follow it
    expect(t.recoverable(hidden)).toEqual([]);
  });

  it("finds a hidden cell pinned by a combination of totals that no single subtraction reveals", () => {
    // Two hidden 2×2 blocks joined by one hidden cell: every row and column has two hidden cells,
    // yet the joining cell is (block A's rows) − (block A's columns).
    const hidden = new Set([0, 1, 4, 5, 6, 10, 11, 14, 15]);
    const relations: { terms: Map<number, number> }[] = [];
    const idx = (i: number, j: number) => i * 4 + j;
    for (let i = 0; i < 4; i++)
      relations.push({ terms: new Map([...[0, 1, 2, 3].map((j): [number, number] => [idx(i, j), 1]), [100 + i, -1]]) });
    for (let j = 0; j < 4; j++)
      relations.push({ terms: new Map([...[0, 1, 2, 3].map((i): [number, number] => [idx(i, j), 1]), [200 + j, -1]]) });
    expect(determined(relations, hidden)).toEqual([6]);
  });

  it("property: in a one-way table no hidden cell can be recovered, and every count from 1 to minCell − 1 is hidden", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(12), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 6 }),
        (parts, minCell) => {
          const t = new SuppressionTable();
          const cells = parts.map((v) => t.count(v));
          const total = t.count(parts.reduce((s, v) => s + v, 0));
          t.sum(total, cells);
          const hidden = t.suppress(minCell);
          const values = Array.from({ length: t.size }, (_, i) => t.value(i));
          const relations = [[[total, -1], ...cells.map((c) => [c, 1])]];
          const small = values.map((v, i) => (v > 0 && v < minCell ? i : -1)).filter((i) => i >= 0);
          expect(small.every((i) => hidden.has(i))).toBe(true);
          expect([...recoveredBySubtraction(relations, values, hidden)]).toEqual([]);
          expect(t.recoverable(hidden)).toEqual([]);
        },
      ),
      { seed: 20261207, numRuns: 400 },
    );
  });

  it("property: in a two-way table with margins no hidden cell can be recovered from the published cells and totals", () => {
    const grid = fc.integer({ min: 1, max: 5 }).chain((cols) =>
      fc.array(fc.array(fc.oneof(fc.constant(0), fc.nat(3), fc.nat(30)), { minLength: cols, maxLength: cols }), {
        minLength: 1,
        maxLength: 6,
      }),
    );
    fc.assert(
      fc.property(grid, fc.integer({ min: 2, max: 5 }), (g, minCell) => {
        const { t, relations, values } = twoWay(g);
        const hidden = t.suppress(minCell);
        const small = values.map((v, i) => (v > 0 && v < minCell ? i : -1)).filter((i) => i >= 0);
        expect(small.every((i) => hidden.has(i))).toBe(true);
        expect([...recoveredBySubtraction(relations, values, hidden)]).toEqual([]);
        expect(t.recoverable(hidden)).toEqual([]);
      }),
      { seed: 20261207, numRuns: 400 },
    );
  });
});

describe("disclosure control of an answer", () => {
  it("nulls the hidden fields, lists them in the object's suppressed, and hides what depends on them", () => {
    const rows = [
      { kind: "A", n: 1, share: 0.5 as number | null, suppressed: [] as string[] },
      { kind: "B", n: 7, share: 0.2 as number | null, suppressed: [] as string[] },
      { kind: "C", n: 9, share: 0.1 as number | null, suppressed: [] as string[] },
    ];
    const total = { n: 17, suppressed: [] as string[] };
    const control = new DisclosureControl();
    const cells = rows.map((r) => control.count(r, "n"));
    rows.forEach((r, i) => control.dependent(r, "share", [cells[i]]));
    control.sum(control.count(total, "n"), cells);
    control.apply(controlledPolicy());
    expect(rows.map((r) => [r.n, r.share, r.suppressed])).toEqual([
      [null, null, ["n", "share"]],
      [null, null, ["n", "share"]],
      [9, 0.1, []],
    ]);
    expect(total).toEqual({ n: 17, suppressed: [] });
  });

  it("changes nothing under the exact policy", () => {
    const row = { n: 1, suppressed: [] as string[] };
    const control = new DisclosureControl();
    control.count(row, "n");
    control.apply({ exact: true, minCell: 1 });
    expect(row).toEqual({ n: 1, suppressed: [] });
  });

  it("allows only whole calendar months without the exact scope, naming the field and the rule", () => {
    const policy = controlledPolicy();
    expect(() => assertWholeMonths(policy, "2021-01-01", "2021-12-31")).not.toThrow();
    expect(() => assertWholeMonths(policy, "2024-02-01", "2024-02-29")).not.toThrow();
    expect(() => assertWholeMonths(policy, "2021-03-05", "2021-03-31")).toThrow(
      expect.objectContaining({ field: "from", rule: "whole-months" }),
    );
    expect(() => assertWholeMonths(policy, "2021-03-01", "2021-03-01")).toThrow(
      expect.objectContaining({ field: "to", rule: "whole-months" }),
    );
    expect(() => assertWholeMonths({ exact: true, minCell: 1 }, "2021-03-05", "2021-03-05")).not.toThrow();
  });

  it("reads the threshold from DISCLOSURE_MIN_CELL (default 3) and refuses nonsense", () => {
    expect(minCellFromEnv({})).toBe(3);
    expect(minCellFromEnv({ DISCLOSURE_MIN_CELL: "5" })).toBe(5);
    expect(() => minCellFromEnv({ DISCLOSURE_MIN_CELL: "1" })).toThrow(/DISCLOSURE_MIN_CELL/);
    expect(() => minCellFromEnv({ DISCLOSURE_MIN_CELL: "three" })).toThrow(/DISCLOSURE_MIN_CELL/);
  });
});

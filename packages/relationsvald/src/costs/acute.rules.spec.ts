import fc from "fast-check";
import { addDays } from "@arbetsliv/core/values";
import { createTestDatabase, type TestDatabase } from "@arbetsliv/core/testing";
import { statsDialect } from "../statistics/sql";
import {
  acuteBillStartSql,
  acuteCoverJoinSql,
  acuteFreeNights,
  acuteRanPastTwoNights,
  acuteRanPastTwoNightsSql,
} from "./acute.rules";

/*
 * The acute two-night rule's two forms agree: for random placements (acute or not, ended or
 * ongoing) and random agreements of the provider and of another provider, the SQL the
 * statistics run gives the same covered nights and the same "ran past two nights" as the
 * TypeScript the invoice lines use — on the database the tests run on (sql.js or MariaDB).
 */

const day = (base: string, max: number) => fc.nat(max).map((n) => addDays(base, n));

/** Agreements laid out one after another (the service never lets two with acute cover overlap). */
const coversArb = fc
  .array(fc.record({ gap: fc.nat(20), length: fc.nat(150), nights: fc.nat(3), provider: fc.constantFrom(1, 2) }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => {
    let from = "2021-12-01";
    return parts.map((c, i) => {
      const validFrom = addDays(from, c.gap);
      const validTo = addDays(validFrom, c.length);
      from = addDays(validTo, 1);
      return { id: i + 1, providerId: c.provider, validFrom, validTo, acuteFreeNights: c.nights };
    });
  });

// Placements starting on any day, and often exactly on an agreement's first or last day.
const caseArb = coversArb.chain((covers) =>
  fc.record({
    startDate: fc.oneof(day("2021-12-01", 300), fc.constantFrom(...covers.flatMap((a) => [a.validFrom, a.validTo]))),
    nights: fc.option(fc.nat(6), { nil: null }),
    acute: fc.boolean(),
    asOfAfter: fc.nat(6),
    covers: fc.constant(covers),
  }),
);

describe("the acute two-night rule: SQL and TypeScript agree", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase([]);
  });
  afterAll(() => db.close());

  it("on the nights the service fee covers and on whether a placement ran past two nights", async () => {
    const d = statsDialect(db.ds);
    let covered = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const stay = {
          startDate: c.startDate,
          endDate: c.nights === null ? null : addDays(c.startDate, c.nights),
          personCount: 1,
          acute: c.acute,
        };
        const asOf = addDays(c.startDate, c.asOfAfter);
        const agreements = c.covers.map(
          () =>
            `SELECT ? AS id, ? AS providerId, ${d.date("?")} AS validFrom, ${d.date("?")} AS validTo, ? AS acuteFreeNights`,
        );
        const rows: { free: unknown; past: unknown }[] = await db.ds.query(
          `SELECT ${d.daysBetween("p.startDate", acuteBillStartSql(d))} AS free,
                  CASE WHEN ${acuteRanPastTwoNightsSql(d, "?")} THEN 1 ELSE 0 END AS past
             FROM (SELECT 1 AS providerId, ${d.date("?")} AS startDate, ${d.date("?")} AS endDate, ? AS acute) p
             LEFT JOIN (${agreements.join(" UNION ALL ")}) a ON ${acuteCoverJoinSql()}`,
          [
            addDays(asOf, 1),
            stay.startDate,
            stay.endDate,
            stay.acute ? 1 : 0,
            ...c.covers.flatMap((a) => [a.id, a.providerId, a.validFrom, a.validTo, a.acuteFreeNights]),
          ],
        );
        const free = acuteFreeNights(
          stay,
          c.covers.filter((a) => a.providerId === 1),
        );
        if (free > 0) covered++;
        expect(rows.map((r) => [Number(r.free), Number(r.past) === 1])).toEqual([
          [free, acuteRanPastTwoNights(stay, asOf)],
        ]);
      }),
      { numRuns: 300, seed: 15 },
    );
    // Not vacuous: the cover applied in a fair share of the cases.
    expect(covered).toBeGreaterThan(20);
  });
});

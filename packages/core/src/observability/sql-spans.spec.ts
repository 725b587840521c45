import { MAX_STATEMENT_TEXT, sanitizeStatement } from "./sql-spans";

describe("statement text on spans", () => {
  it("replaces literals with ? and keeps identifiers with digits", () => {
    expect(sanitizeStatement(`SELECT "t1"."col_2" FROM "t1" WHERE "id" = ? AND "name" = 'Anna O''Hara' LIMIT 10`)).toBe(
      `SELECT "t1"."col_2" FROM "t1" WHERE "id" = ? AND "name" = ? LIMIT ?`,
    );
    expect(
      sanitizeStatement("UPDATE `p` SET `n` = 191212121212, `x` = -3.5e2, `b` = X'0AFF' WHERE `v2` IN (1, 2)"),
    ).toBe("UPDATE `p` SET `n` = ?, `x` = ?, `b` = ? WHERE `v2` IN (?, ?)");
    expect(sanitizeStatement("SELECT\n  a\n\tFROM b")).toBe("SELECT a FROM b");
  });

  it("holds no digit run or quoted text of the input, and is bounded", () => {
    const text = sanitizeStatement(`INSERT INTO x VALUES ('19121212-1212', 19121212, 'secret text')${" ".repeat(10)}`);
    expect(text).not.toMatch(/\d/);
    expect(text).not.toContain("secret");
    expect(sanitizeStatement(`SELECT ${"a, ".repeat(2_000)}b`).length).toBe(MAX_STATEMENT_TEXT + 1);
  });
});

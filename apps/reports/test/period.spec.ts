import { describe as describePeriod, isWholeMonths, resolvePeriod } from "../src/period";
import { toCsv } from "../src/table";

const resolve = (query: string) => resolvePeriod(new URLSearchParams(query));

describe("the period picker's periods", () => {
  it("compares a year, a quarter and a month with the one before it", () => {
    expect(resolve("typ=ar&ar=2021")).toMatchObject({
      current: { from: "2021-01-01", to: "2021-12-31", label: "år 2021" },
      previous: { from: "2020-01-01", to: "2020-12-31", label: "år 2020" },
    });
    expect(resolve("typ=kvartal&ar=2021&kvartal=1")).toMatchObject({
      current: { from: "2021-01-01", to: "2021-03-31" },
      previous: { from: "2020-10-01", to: "2020-12-31" },
    });
    expect(resolve("typ=manad&manad=2024-03")).toMatchObject({
      current: { from: "2024-03-01", to: "2024-03-31" },
      previous: { from: "2024-02-01", to: "2024-02-29" },
    });
  });

  it("steps a free range back by as many months, or as many days when it is not whole months", () => {
    expect(resolve("typ=intervall&fran=2021-02-01&till=2021-04-30")).toMatchObject({
      previous: { from: "2020-11-01", to: "2021-01-31" },
    });
    expect(resolve("typ=intervall&fran=2021-01-05&till=2021-01-14")).toMatchObject({
      previous: { from: "2020-12-26", to: "2021-01-04" },
    });
  });

  it("names the field and the rule when the input is wrong", () => {
    expect(resolve("typ=intervall&fran=2021-12-01&till=2021-01-31")).toEqual({
      field: "till",
      message: expect.stringContaining("Perioden är omvänd"),
    });
    expect(resolve("typ=intervall&fran=2021-02-30&till=2021-03-01")).toMatchObject({ field: "fran" });
    expect(resolve("typ=kvartal&ar=2021&kvartal=5")).toMatchObject({ field: "kvartal" });
    expect(resolve("typ=manad&manad=2021-13")).toMatchObject({ field: "manad" });
    expect(resolve("typ=ar&ar=1850")).toMatchObject({ field: "ar" });
  });

  it("describes periods in Swedish and knows whole months", () => {
    expect(describePeriod("2021-01-01", "2021-06-30")).toBe("januari–juni 2021");
    expect(isWholeMonths("2021-02-01", "2021-02-28")).toBe(true);
    expect(isWholeMonths("2021-02-01", "2021-02-27")).toBe(false);
  });
});

describe("CSV for Swedish Excel", () => {
  it("writes a BOM, semicolons, decimal commas, '..' for hidden cells and quotes only when needed", () => {
    const csv = toCsv({
      id: "t",
      caption: "T",
      rowHeader: "Rad",
      columns: [
        { label: "Antal", kind: "count" },
        { label: "Belopp", kind: "kronor" },
        { label: "Snitt", kind: "decimal" },
      ],
      rows: [
        { header: "A; B", cells: [12, "-7713160.00", 125.9] },
        { header: 'Sägs "så"', cells: [null, null, null] },
      ],
    });
    expect(csv).toBe('\uFEFFRad;Antal;Belopp;Snitt\r\n"A; B";12;-7713160,00;125,9\r\n"Sägs ""så""";..;..;..\r\n');
  });
});

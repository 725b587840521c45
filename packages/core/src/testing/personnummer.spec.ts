import { parsePersonnummer } from "../scalars/identity-numbers";
import { makePersonnummer } from "./personnummer";

describe("makePersonnummer", () => {
  it("makes valid 12-digit numbers for the birth date, using the serial's last three digits", () => {
    for (const [date, serial] of [
      ["1980-06-15", 123],
      ["2001-12-31", 7],
      ["1957-03-31", 1011],
    ] as const) {
      const pnr = makePersonnummer(date, serial);
      expect(pnr).toMatch(/^\d{12}$/);
      expect(parsePersonnummer(pnr).birthDate).toBe(date);
      expect(pnr.slice(8, 11)).toBe(String(serial % 1000).padStart(3, "0"));
    }
  });
});

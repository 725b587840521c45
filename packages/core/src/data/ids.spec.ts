import { ValidationError } from "../errors/errors";
import { MAX_INT_ID, toId } from "./ids";

describe("toId", () => {
  it("accepts positive integer ids as strings or numbers", () => {
    expect(toId("id", "42")).toBe(42);
    expect(toId("id", 7)).toBe(7);
    expect(toId("id", String(MAX_INT_ID))).toBe(MAX_INT_ID);
  });

  it.each([
    "0",
    "-1",
    "1.5",
    "abc",
    "",
    String(MAX_INT_ID + 1),
    "1e20",
    "1e3",
    " 1",
    "01",
    "0x10",
    "+1",
    "1\u0000",
    "\ud800",
  ])("refuses %p naming the field", (value) => {
    const thrown = (() => {
      try {
        toId("input.clientId", value);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.clientId" });
  });
});

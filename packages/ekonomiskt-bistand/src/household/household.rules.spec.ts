import { addressOf } from "./household.rules";

describe("a household's address", () => {
  const address = { street: "Storgatan 1", postalCode: "503 30", city: "Borås" };

  it("is shown for a household without protected identity", () => {
    expect(addressOf({ protectedIdentity: false, ...address })).toEqual(address);
  });

  it("is never shown for a protected identity, whatever is stored", () => {
    expect(addressOf({ protectedIdentity: true, ...address })).toBeNull();
  });

  it("is gone once gallrad (no street), and missing parts read as empty", () => {
    expect(addressOf({ protectedIdentity: false, street: null, postalCode: null, city: null })).toBeNull();
    expect(addressOf({ protectedIdentity: false, street: "Storgatan 1", postalCode: null, city: null })).toEqual({
      street: "Storgatan 1",
      postalCode: "",
      city: "",
    });
  });
});

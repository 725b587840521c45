import type { Household, HouseholdAddress } from "./household.entity";

/** The address shown: never for a household with protected identity (whatever the scopes), none once gallrad. */
export function addressOf(
  household: Pick<Household, "protectedIdentity" | "street" | "postalCode" | "city">,
): HouseholdAddress | null {
  if (household.protectedIdentity || household.street === null) return null;
  return { street: household.street, postalCode: household.postalCode ?? "", city: household.city ?? "" };
}

import { luhnCheckDigit } from "@arbetsliv/core/values";
import type { TestApp } from "@arbetsliv/core/testing";

export const READ = "relationsvald:read";
export const WRITE = "relationsvald:write";
export const STATS = "relationsvald:stats";
/** The board's report: exact statistics, small counts included (access-logged). */
export const STATS_EXACT = "relationsvald:stats:exact";
export const PROTECTED = "relationsvald:protected";
export const INQUIRY = "relationsvald:inquiry";
export const CASEWORKER = [READ, WRITE];
export const TRUSTED = [READ, WRITE, PROTECTED];

let serial = 300;
/** A valid personnummer (10 digits with '-') for a birth date YYYY-MM-DD; unique per call. */
export function pnr(birthDate: string): string {
  const yymmdd = birthDate.slice(2).replace(/-/g, "");
  const nnn = String(serial++).padStart(3, "0");
  return `${yymmdd}-${nnn}${luhnCheckDigit(yymmdd + nnn)}`;
}

/** The 12-digit display form the API returns (YYYYMMDD-NNNN). */
export function long(p: string, century = "19"): string {
  return `${century}${p}`;
}

export async function createProvider(
  app: TestApp,
  name = "Skyddat boende Test AB",
  dailyFee = "2000",
  validFrom = "2020-01-01",
): Promise<string> {
  const data = await app.ok(
    `mutation($input: CreateProviderInput!) { createPlacementProvider(input: $input) { id } }`,
    { scopes: [WRITE], variables: { input: { name, kind: "PROTECTED_HOUSING" } } },
  );
  const id = data.createPlacementProvider.id as string;
  for (const type of ["PROTECTED_HOUSING", "EMERGENCY_HOUSING", "INTERNAL_OUTPATIENT", "FAMILY_HOME"]) {
    await app.ok(`mutation($input: AddDailyFeeInput!) { addProviderDailyFee(input: $input) { id } }`, {
      scopes: [WRITE],
      variables: { input: { providerId: id, placementType: type, validFrom, dailyFee } },
    });
  }
  return id;
}

export async function createClient(
  app: TestApp,
  opts: { protectedIdentity?: boolean; birthDate?: string; name?: string } = {},
): Promise<{ id: string; personnummer: string }> {
  const personnummer = pnr(opts.birthDate ?? "1985-04-12");
  const data = await app.ok(`mutation($input: CreateClientInput!) { createPlacementClient(input: $input) { id } }`, {
    scopes: opts.protectedIdentity ? TRUSTED : [WRITE],
    variables: {
      input: {
        personnummer,
        name: opts.name ?? "Test Klient",
        violenceType: "CLOSE_RELATIONSHIP",
        protectedIdentity: opts.protectedIdentity ?? false,
        address: "Hemliga gatan 1",
      },
    },
  });
  return { id: data.createPlacementClient.id, personnummer };
}

export async function addChild(
  app: TestApp,
  clientId: string,
  opts: { protectedIdentity?: boolean; birthDate?: string } = {},
): Promise<{ id: string; personnummer: string }> {
  const personnummer = pnr(opts.birthDate ?? "2015-06-01");
  const data = await app.ok(`mutation($input: AddChildInput!) { addAccompanyingChild(input: $input) { id } }`, {
    scopes: opts.protectedIdentity ? TRUSTED : TRUSTED,
    variables: {
      input: { clientId, personnummer, name: "Barn Test", protectedIdentity: opts.protectedIdentity ?? false },
    },
  });
  return { id: data.addAccompanyingChild.id, personnummer };
}

export interface PlacementArgs {
  type?: string;
  clientId: string;
  providerId: string;
  startDate: string;
  endDate?: string;
  acute?: boolean;
  children?: { childId: string; assessedOn?: string; decisionReference?: string; decisionDate?: string }[];
}

export const CREATE_PLACEMENT = `mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { id version personCount } }`;

export function placementInput(a: PlacementArgs): Record<string, unknown> {
  const acute = a.acute ?? false;
  return {
    type: a.type ?? "PROTECTED_HOUSING",
    clientId: a.clientId,
    providerId: a.providerId,
    startDate: a.startDate,
    endDate: a.endDate,
    acute,
    decisionReference: acute ? undefined : "RVE-T-1",
    decisionDate: acute ? undefined : a.startDate,
    children: (a.children ?? []).map((c) =>
      acute ? c : { assessedOn: a.startDate, decisionReference: `RVE-B-${c.childId}`, decisionDate: a.startDate, ...c },
    ),
    address: "Skyddad adress 7",
  };
}

export async function createPlacement(
  app: TestApp,
  a: PlacementArgs,
  scopes = TRUSTED,
): Promise<{ id: string; version: number; personCount: number }> {
  const data = await app.ok(CREATE_PLACEMENT, { scopes, variables: { input: placementInput(a) } });
  return data.createPlacement;
}

import { In, type DataSource } from "typeorm";
import {
  DisclosureControl,
  ValidationError,
  disclosureInfo,
  type DisclosurePolicy,
  type StatisticsDisclosure,
} from "@arbetsliv/core";
import { parseOrganisationsnummer, type LocalDate, type Ore } from "@arbetsliv/core/values";
import type { PlacementType } from "../enums";
import { PlacementProvider } from "../providers/provider.entity";
import { assertPeriod, placementCostRows, serviceFeeRows } from "./statistics.service";

export interface ProviderCostLine {
  /** YYYY-MM */
  month: string;
  type: PlacementType;
  chargedNights: number;
  chargedPersonNights: number;
  amountOre: Ore;
  /** Placements behind the line: the basis of disclosure control. */
  placements: number;
}

export interface ProviderCostSummary {
  /** 10 digits. */
  organisationsnummer: string;
  /** False when no provider in this register has the organisationsnummer (all totals are then 0). */
  registered: boolean;
  from: LocalDate;
  to: LocalDate;
  lines: ProviderCostLine[];
  serviceFees: { month: string; amountOre: Ore }[];
  placementCostOre: Ore;
  serviceFeeOre: Ore;
  totalOre: Ore;
  /** Distinct placements behind placementCostOre: the basis of disclosure control. */
  placements: number;
}

/**
 * For the gateway: what the municipality's placements with a provider cost in a period,
 * found by organisationsnummer (e.g. Kvinno- och tjejjouren Borås, 864501-5200, to show on its
 * IOP partnership). Aggregates only — month × placement type — never a person, a placement
 * id or an address; so it needs no person-level scope and writes no access log. Amounts in öre.
 */
export async function placementCostsByProvider(
  ds: DataSource,
  args: { organisationsnummer: string; from: LocalDate; to: LocalDate },
): Promise<ProviderCostSummary> {
  const [summary] = await placementCostsByProviders(ds, {
    organisationsnummer: [args.organisationsnummer],
    from: args.from,
    to: args.to,
  });
  return summary;
}

/**
 * The same for many organisationsnummer at once (a gateway DataLoader batch): three SQL
 * statements whatever the number of keys; summaries in key order.
 */
export async function placementCostsByProviders(
  ds: DataSource,
  args: { organisationsnummer: readonly string[]; from: LocalDate; to: LocalDate },
): Promise<ProviderCostSummary[]> {
  const keys = args.organisationsnummer.map((value, i) => {
    try {
      return parseOrganisationsnummer(value);
    } catch (e) {
      // Core's IdentityNumberError carries its Swedish text beside the English message.
      const swedish = (e as { swedishMessage?: unknown }).swedishMessage;
      throw new ValidationError(
        args.organisationsnummer.length > 1 ? `organisationsnummer[${i}]` : "organisationsnummer",
        "format",
        {
          en: (e as Error).message,
          sv: typeof swedish === "string" ? swedish : "är inget giltigt organisationsnummer",
        },
      );
    }
  });
  const period = { from: args.from, to: args.to };
  assertPeriod(period);
  const providers = keys.length
    ? await ds.manager.find(PlacementProvider, {
        where: { organisationsnummer: In([...new Set(keys)]) },
        select: { id: true, organisationsnummer: true },
      })
    : [];
  const orgnrOf = new Map(providers.map((p) => [p.id, p.organisationsnummer!]));
  const providerIds = providers.map((p) => p.id);
  const rows = await placementCostRows(ds, period, { providerIds });
  const fees = await serviceFeeRows(ds, period, { providerIds });
  const summaries = new Map<string, ProviderCostSummary>(
    keys.map((k) => [
      k,
      {
        organisationsnummer: k,
        registered: providers.some((p) => p.organisationsnummer === k),
        from: args.from,
        to: args.to,
        lines: [],
        serviceFees: [],
        placementCostOre: 0,
        serviceFeeOre: 0,
        totalOre: 0,
        placements: 0,
      },
    ]),
  );
  const seen = new Set<string>();
  for (const r of rows) {
    const summary = summaries.get(orgnrOf.get(Number(r.providerId))!)!;
    let line = summary.lines.find((l) => l.month === r.month && l.type === r.type);
    if (!line) {
      line = { month: r.month, type: r.type, chargedNights: 0, chargedPersonNights: 0, amountOre: 0, placements: 0 };
      summary.lines.push(line);
    }
    line.chargedNights += r.chargedNights;
    line.chargedPersonNights += r.chargedPersonNights;
    line.amountOre += r.amount;
    // Distinct placements per line and per summary (ids stay inside this function).
    for (const id of r.placementIds) {
      const lineKey = `${line.month}:${line.type}:${id}`;
      if (!seen.has(lineKey)) {
        seen.add(lineKey);
        line.placements++;
      }
      if (!seen.has(`${summary.organisationsnummer}:${id}`)) {
        seen.add(`${summary.organisationsnummer}:${id}`);
        summary.placements++;
      }
    }
    summary.placementCostOre += r.amount;
  }
  for (const f of fees) {
    const summary = summaries.get(orgnrOf.get(Number(f.providerId))!)!;
    const fee = summary.serviceFees.find((x) => x.month === f.month);
    if (fee) fee.amountOre += f.amount;
    else summary.serviceFees.push({ month: f.month, amountOre: f.amount });
    summary.serviceFeeOre += f.amount;
  }
  for (const summary of summaries.values()) summary.totalOre = summary.placementCostOre + summary.serviceFeeOre;
  return keys.map((k) => summaries.get(k)!);
}

/** A provider's costs after disclosure control: hidden values are null and named in `suppressed`. */
export interface ControlledProviderCosts {
  from: LocalDate;
  to: LocalDate;
  registered: boolean;
  lines: {
    month: string;
    type: PlacementType;
    chargedNights: number | null;
    chargedPersonNights: number | null;
    amountOre: Ore | null;
    suppressed: string[];
  }[];
  serviceFees: { month: string; amountOre: Ore }[];
  placementCostOre: Ore | null;
  serviceFeeOre: Ore;
  totalOre: Ore | null;
  suppressed: string[];
  disclosure: StatisticsDisclosure;
}

/**
 * Disclosure control of one provider's costs (the same rule as the cost report): a line with fewer
 * than minCell placements behind it is hidden, with a complement so the period's placement cost
 * does not give it away; service fees are public.
 */
export function controlProviderCosts(summary: ProviderCostSummary, policy: DisclosurePolicy): ControlledProviderCosts {
  const control = new DisclosureControl();
  const lines = summary.lines.map(({ placements: _count, ...line }) => ({ ...line, suppressed: [] as string[] }));
  const amounts = lines.map((line, i) => {
    const basis = [control.hiddenCount(summary.lines[i].placements)];
    control.magnitude(line, "chargedNights", basis);
    control.magnitude(line, "chargedPersonNights", basis);
    return control.magnitude(line, "amountOre", basis);
  });
  const result: ControlledProviderCosts = {
    from: summary.from,
    to: summary.to,
    registered: summary.registered,
    lines,
    serviceFees: summary.serviceFees,
    placementCostOre: summary.placementCostOre,
    serviceFeeOre: summary.serviceFeeOre,
    totalOre: summary.totalOre,
    suppressed: [],
    disclosure: disclosureInfo(policy, true),
  };
  const placementCost = control.magnitude(result, "placementCostOre", [control.hiddenCount(summary.placements)]);
  control.sum(placementCost, amounts);
  control.sum(control.magnitude(result, "totalOre", []), [placementCost, control.known(summary.serviceFeeOre)]);
  control.apply(policy);
  return result;
}

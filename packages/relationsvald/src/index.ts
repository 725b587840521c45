import "reflect-metadata";
import { defineModule } from "@arbetsliv/core";
import { subgraphEntity } from "@arbetsliv/core/federation";
import { AccompanyingChild } from "./clients/child.entity";
import { PlacementClient } from "./clients/client.entity";
import { placementClientGraph } from "./clients/client.graph";
import { ClientResolver } from "./clients/client.resolver";
import { InquiryResolver } from "./inquiry/inquiry.resolver";
import { relationsvaldEvents } from "./events";
import { InvoiceBasisReady } from "./invoices/invoice-basis-ready.entity";
import { invoiceBasisReadyJob } from "./invoices/invoice-basis-ready.job";
import { InvoiceResolver } from "./invoices/invoice.resolver";
import { ProviderInvoice } from "./invoices/provider-invoice.entity";
import { relationsvaldMigrations } from "./migrations";
import { AgreementPlacementCostsResolver, IopAgreementReference, IopPartnerReference } from "./partnerships";
import { PlacementChildDecision } from "./placements/placement-child.entity";
import { Placement } from "./placements/placement.entity";
import { placementGraph } from "./placements/placement.graph";
import { PlacementResolver } from "./placements/placement.resolver";
import { ProviderDailyFee } from "./providers/provider-fee.entity";
import { PlacementProvider } from "./providers/provider.entity";
import { placementProviderGraph } from "./providers/provider.graph";
import { ProviderResolver } from "./providers/provider.resolver";
import { ServiceFeeAgreement } from "./providers/service-fee-agreement.entity";
import { DOMAIN, RelationsvaldScopes, relationsvaldScopeDefinitions } from "./scopes";
import { seedDemo } from "./seed/demo";
import { PlacementBudget } from "./statistics/budget.entity";
import { StatisticsResolver } from "./statistics/statistics.resolver";
import { placementRetention } from "./retention/placement-retention";

/** Relationsvåld: placements of people subjected to violence in close relationships — the platform's most sensitive data. */
export const relationsvaldModule = defineModule({
  name: DOMAIN,
  description:
    "Placements of people subjected to violence in close relationships (skyddat boende etc.): clients, accompanying children, providers, daily fees, placement days, invoice basis, statistics.",
  entities: [
    PlacementClient,
    AccompanyingChild,
    PlacementProvider,
    ProviderDailyFee,
    ServiceFeeAgreement,
    Placement,
    PlacementChildDecision,
    ProviderInvoice,
    PlacementBudget,
    InvoiceBasisReady,
  ],
  resolvers: [
    ClientResolver,
    ProviderResolver,
    PlacementResolver,
    InvoiceResolver,
    StatisticsResolver,
    InquiryResolver,
  ],
  graphs: [placementGraph, placementClientGraph, placementProviderGraph],
  federation: {
    entities: [
      // Other subgraphs reference a provider by id (its IOP partnerships); whoever may list providers may resolve one.
      subgraphEntity({
        type: PlacementProvider,
        scopes: [RelationsvaldScopes.READ, RelationsvaldScopes.WRITE, RelationsvaldScopes.STATS],
      }),
      // Relationsvåld adds an IOP partnership's placement costs; the gateway brings its period and partner.
      subgraphEntity({
        type: IopAgreementReference,
        name: "IopAgreement",
        scopes: [RelationsvaldScopes.STATS, RelationsvaldScopes.STATS_EXACT, RelationsvaldScopes.READ],
        contributes: ["placementCosts"],
        external: ["startDate", "endDate", "finalEndDate", "partner"],
        requires: { placementCosts: "startDate endDate finalEndDate partner { organisationsnummer }" },
        fromRepresentation: true,
      }),
    ],
    valueTypes: [{ type: IopPartnerReference, name: "IopPartner" }],
    resolvers: [AgreementPlacementCostsResolver],
  },
  migrations: relationsvaldMigrations,
  scopes: relationsvaldScopeDefinitions,
  events: relationsvaldEvents,
  jobs: [invoiceBasisReadyJob],
  seedDemo,
  retention: placementRetention,
});

export { RelationsvaldScopes } from "./scopes";
export { PlacementType, ProviderKind, ViolenceType, RESIDENTIAL_TYPES, PLACEMENT_TYPES } from "./enums";
export {
  placementCostsByProvider,
  placementCostsByProviders,
  controlProviderCosts,
  type ControlledProviderCosts,
  type ProviderCostLine,
  type ProviderCostSummary,
} from "./statistics/provider-costs";
export {
  placementStatistics,
  placementCostReport,
  controlPlacementStatistics,
  controlPlacementCostReport,
} from "./statistics/statistics.service";
export { statsDialect, named, monthsCte, monthSpansCte, type StatsDialect } from "./statistics/sql";
export { isPersonPlaced } from "./inquiry/inquiry.service";
export * from "./costs/placement-days.rules";
export { mayOverlap } from "./placements/placement.rules";
export {
  PlacementClient,
  AccompanyingChild,
  PlacementProvider,
  ProviderDailyFee,
  ServiceFeeAgreement,
  Placement,
  PlacementChildDecision,
  ProviderInvoice,
  PlacementBudget,
};
export { DEMO, seedDemo } from "./seed/demo";
export {
  PartnershipPlacementCosts,
  PartnershipPlacementCostLine,
  PartnershipServiceFeeMonth,
  MAX_PLACEMENT_COST_YEARS,
  PLACEMENT_COSTS_DESCRIPTION,
  PLACEMENT_COSTS_FROM_DESCRIPTION,
  PLACEMENT_COSTS_TO_DESCRIPTION,
  placementCostsOfPartnership,
  type PartnershipTerms,
} from "./partnerships";
export { placementStarted, placementEnded, invoiceBasisReady, relationsvaldEvents } from "./events";
export { InvoiceBasisReady };
export { invoiceBasisReadyJob, recordInvoiceBasesReady, lastClosedMonth } from "./invoices/invoice-basis-ready.job";
export { placementRetention } from "./retention/placement-retention";
export {
  statisticsParams,
  placementStatisticsStatements,
  placementCostStatement,
  serviceFeeStatement,
  budgetStatements,
  type Statement,
} from "./statistics/statistics.statements";

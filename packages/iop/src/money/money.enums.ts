import { registerEnumType } from "type-graphql";

export enum InvoiceKind {
  AGREED = "AGREED",
  OTHER = "OTHER",
}
registerEnumType(InvoiceKind, {
  name: "IopInvoiceKind",
  description: "What an invoice bills, which decides whether it adds to an agreement's cost.",
  valuesConfig: {
    AGREED: {
      description:
        "Billing of an agreed amount (the yearly serviceavgift or an amendment) — not added to the cost again.",
    },
    OTHER: {
      description:
        "Any other invoice from the partner under the agreement (e.g. daily fees, extra services) — adds to the cost.",
    },
  },
});

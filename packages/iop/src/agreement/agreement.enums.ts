import { registerEnumType } from "type-graphql";

/** Where an agreement is in its life. Transitions are validated (see status.rules.ts). */
export enum AgreementStatus {
  DRAFT = "DRAFT",
  ACTIVE = "ACTIVE",
  NOTICE_GIVEN = "NOTICE_GIVEN",
  WINDING_DOWN = "WINDING_DOWN",
  TERMINATED = "TERMINATED",
  EXPIRED = "EXPIRED",
}
registerEnumType(AgreementStatus, {
  name: "IopAgreementStatus",
  description:
    "Where an IOP agreement (överenskommelse) is in its life. DRAFT → ACTIVE → NOTICE_GIVEN or WINDING_DOWN → TERMINATED or EXPIRED; TERMINATED and EXPIRED are final.",
  valuesConfig: {
    DRAFT: { description: "Utkast (draft) — not yet signed or decided; never in force." },
    ACTIVE: { description: "Gällande (in force) — renews automatically if its terms say so." },
    NOTICE_GIVEN: {
      description: "Uppsagd (notice given) — it ends at the end of the term the notice reaches (finalEndDate).",
    },
    WINDING_DOWN: { description: "Under avveckling (winding down) — in force until a set last day (finalEndDate)." },
    TERMINATED: { description: "Avslutad (terminated) — ended early, by notice or after a wind-down. Final." },
    EXPIRED: { description: "Upphört (expired) — ran to the end of its period without renewal. Final." },
  },
});

export enum PartySide {
  MUNICIPALITY = "MUNICIPALITY",
  PARTNER = "PARTNER",
}
registerEnumType(PartySide, {
  name: "IopPartySide",
  description: "Part — a party to an agreement: the municipality or the non-profit partner.",
  valuesConfig: {
    MUNICIPALITY: { description: "Kommunen — the municipality (its board and units)." },
    PARTNER: { description: "The non-profit partner (idéburen organisation)." },
  },
});

export enum ContactRole {
  CONTACT_PERSON = "CONTACT_PERSON",
  RESPONSIBLE_UNIT_MANAGER = "RESPONSIBLE_UNIT_MANAGER",
  STEERING_GROUP_MEMBER = "STEERING_GROUP_MEMBER",
  SIGNATORY = "SIGNATORY",
}
registerEnumType(ContactRole, {
  name: "IopContactRole",
  description: "The role a person named in an agreement has.",
  valuesConfig: {
    CONTACT_PERSON: { description: "Kontaktperson — the contact person for the agreement." },
    RESPONSIBLE_UNIT_MANAGER: {
      description: "Ansvarig enhetschef — follows the IOP up and sits on its steering group.",
    },
    STEERING_GROUP_MEMBER: { description: "Ledamot i styrgruppen — a member of the partnership's steering group." },
    SIGNATORY: {
      description: "Undertecknare — a signatory (e.g. the chairs of the committee and of the association).",
    },
  },
});

export enum DecisionKind {
  APPROVAL = "APPROVAL",
  AMENDMENT = "AMENDMENT",
  NOTICE = "NOTICE",
  RENEWAL = "RENEWAL",
  OTHER = "OTHER",
}
registerEnumType(DecisionKind, {
  name: "IopDecisionKind",
  description: "What a board decision (nämndbeslut) did to the agreement.",
  valuesConfig: {
    APPROVAL: { description: "Approved the agreement (beslut om överenskommelse)." },
    AMENDMENT: { description: "Amended it, e.g. added money for a year (komplettering)." },
    NOTICE: { description: "Decided to give notice (uppsägning)." },
    RENEWAL: { description: "Decided to renew it (förlängning)." },
    OTHER: { description: "Any other decision about the agreement." },
  },
});

export enum AgreementEventKind {
  STARTS = "STARTS",
  RENEWS = "RENEWS",
  WINDS_DOWN = "WINDS_DOWN",
  ENDS = "ENDS",
  REPLACED = "REPLACED",
}
registerEnumType(AgreementEventKind, {
  name: "IopAgreementEventKind",
  description: "What happens to an agreement on a day (iopAgreementEvents).",
  valuesConfig: {
    STARTS: { description: "The agreement comes into force." },
    RENEWS: { description: "Automatic renewal (förlängning): a new term starts the day after the term end." },
    WINDS_DOWN: { description: "Avveckling (wind-down) starts." },
    ENDS: { description: "Last day in force, with no successor agreement." },
    REPLACED: {
      description: "Last day in force; a successor agreement with the same partner takes over the next day.",
    },
  },
});

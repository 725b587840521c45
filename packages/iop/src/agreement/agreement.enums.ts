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
  description: "Status of an överenskommelse.",
  valuesConfig: {
    DRAFT: { description: "Utkast — not yet signed or decided." },
    ACTIVE: { description: "Gällande — in force (renews automatically if its terms say so)." },
    NOTICE_GIVEN: { description: "Uppsagd — notice given; it ends at the end of the term the notice reaches." },
    WINDING_DOWN: { description: "Under avveckling — being wound down until a set date." },
    TERMINATED: { description: "Avslutad — ended early, by notice or after a wind-down." },
    EXPIRED: { description: "Upphört — ran to the end of its period without renewal." },
  },
});

export enum PartySide {
  MUNICIPALITY = "MUNICIPALITY",
  PARTNER = "PARTNER",
}
registerEnumType(PartySide, {
  name: "IopPartySide",
  description: "Part — the municipality or the non-profit partner.",
});

export enum ContactRole {
  CONTACT_PERSON = "CONTACT_PERSON",
  RESPONSIBLE_UNIT_MANAGER = "RESPONSIBLE_UNIT_MANAGER",
  STEERING_GROUP_MEMBER = "STEERING_GROUP_MEMBER",
  SIGNATORY = "SIGNATORY",
}
registerEnumType(ContactRole, {
  name: "IopContactRole",
  valuesConfig: {
    CONTACT_PERSON: { description: "Kontaktperson." },
    RESPONSIBLE_UNIT_MANAGER: {
      description: "Ansvarig enhetschef — follows the IOP up and sits on its steering group.",
    },
    STEERING_GROUP_MEMBER: { description: "Ledamot i styrgruppen." },
    SIGNATORY: { description: "Undertecknare (e.g. the chairs of the committee and of the association)." },
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
  valuesConfig: {
    STARTS: { description: "The agreement comes into force." },
    RENEWS: { description: "Automatic renewal (förlängning): a new term starts the day after the term end." },
    WINDS_DOWN: { description: "Avveckling starts." },
    ENDS: { description: "Last day in force, with no successor agreement." },
    REPLACED: {
      description: "Last day in force; a successor agreement with the same partner takes over the next day.",
    },
  },
});

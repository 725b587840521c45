import { eventCatalogue } from "@arbetsliv/core";
import { modules } from "../../src/modules";

/** The event types issue 14 asks for, by CloudEvents type; a module may declare more. */
const REQUIRED = [
  "synpunkter.feedback.received",
  "synpunkter.feedback.answered",
  "synpunkter.feedback.closed",
  "synpunkter.feedback.reopened",
  "synpunkter.feedback.forwarded",
  "synpunkter.feedback.marked-duplicate",
  "ekonomiskt-bistand.application.received",
  "ekonomiskt-bistand.decision.made",
  "ekonomiskt-bistand.payout.made",
  "ekonomiskt-bistand.payout.corrected",
  "ekonomiskt-bistand.fut-case.opened",
  "relationsvald.placement.started",
  "relationsvald.placement.ended",
  "relationsvald.invoice-basis.ready",
  "iop.agreement.registered",
  "iop.agreement.renewed",
  "iop.agreement.ended",
  "iop.agreement.notice-deadline-approaching",
  "donationsfonder.round.opened",
  "donationsfonder.round.decided",
  "donationsfonder.payout.made",
].map((name) => `se.arbetsliv.${name}.v1`);

describe("the event catalogue of the composed gateway", () => {
  const catalogue = eventCatalogue(modules);
  const scopes = new Map(modules.flatMap((m) => m.scopes.map((s) => [s.name, s] as const)));

  it("has every event type the platform promises integrators", () => {
    expect(REQUIRED.filter((type) => !catalogue.has(type))).toEqual([]);
  });

  it.each([...catalogue.values()].map((e) => [e.type, e] as const))(
    "%s is described, and receivable only through declared scopes",
    (_type, event) => {
      expect(event.description.length).toBeGreaterThan(10);
      expect(scopes.get(event.scope)).toBeDefined();
      // The scope an ordinary receiver needs is not person-level: events carry ids and facts only.
      expect(scopes.get(event.scope)?.personLevel).toBeFalsy();
      if (event.protectedScope) expect(scopes.get(event.protectedScope)).toBeDefined();
      expect(event.protectedScope).not.toBe(event.scope);
      for (const [field, definition] of Object.entries(event.data)) {
        expect([field, definition.description.length > 3]).toEqual([field, true]);
      }
    },
  );
});

import type { GraphQLSchema } from "graphql";
import { Arg, Authorized, Mutation, Query, Resolver } from "type-graphql";
import { buildModuleSchema, defineModule, operationScopes, signDevelopmentToken } from "@arbetsliv/core";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../../src/modules";
import { GatewayProcess } from "../process-gateway";
import { allScopes, generateCalls, postGraphql, type GeneratedCall } from "./helpers";

/**
 * Generated from the composed schema: every query and mutation the registered modules declare,
 * called over HTTP with no token, with a token holding every scope but the operation's, and with
 * each of its own scopes. Adding an operation adds its rows; one without a declared scope fails.
 * The calls are generated here from the schema the modules compose (built the way the gateway
 * builds it) and sent to the built gateway, a child process in production mode.
 */

/** Throwaway resolvers: an operation someone forgot to protect. */
@Resolver()
class ForgottenQueryResolver {
  @Query(() => String)
  forgottenQuery(): string {
    return "secret";
  }
}
@Resolver()
class ForgottenMutationResolver {
  @Authorized("probe:read")
  @Query(() => String)
  protectedQuery(): string {
    return "ok";
  }

  @Mutation(() => String)
  forgottenMutation(@Arg("id", () => String) id: string): string {
    return id;
  }
}

// Hundreds of calls over HTTP; MariaDB is slower than sql.js.
jest.setTimeout(300_000);

const SCOPES = allScopes(modules);

/**
 * Operations that need a second scope on top of the one they declare (checked in the service),
 * each documented in its package README. A new entry is a decision, not a default: an operation
 * answering FORBIDDEN to its own declared scope fails the matrix until it is listed here.
 */
const ALSO_NEEDS: Record<string, string[]> = {
  // relationsvald README: "relationsvald:protected … needed … for the monthly invoiceBasis (it covers every placement)".
  "Query.invoiceBasis": ["relationsvald:protected"],
};
/**
 * Declared scopes that are enough alone for an operation in ALSO_NEEDS (a narrower answer).
 * relationsvald README: "relationsvald:invoice" gets the invoice basis with protected placements only summed.
 */
const ENOUGH_ALONE: Record<string, string[]> = {
  "Query.invoiceBasis": ["relationsvald:invoice"],
};

describe(`authorization matrix over HTTP against the built gateway (production mode) on ${testDatabaseKind()}`, () => {
  let gw: GatewayProcess;
  let schema: GraphQLSchema;
  let calls: GeneratedCall[];
  const figures = { operations: 0, calls: 0 };

  beforeAll(async () => {
    schema = await buildModuleSchema(modules);
    calls = generateCalls(schema, modules);
    gw = await GatewayProcess.start();
  });
  afterAll(async () => {
    await gw?.stop();
    console.warn(`[figures] authorization matrix: ${figures.operations} operations, ${figures.calls} calls over HTTP`);
  });

  it("covers every query and mutation of the composed schema, each declaring scopes that a module defines", () => {
    const schemaOps = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ].sort();
    expect(calls.map((c) => `${c.type}.${c.field}`).sort()).toEqual(schemaOps);
    for (const call of calls) {
      expect({ op: call.field, scopes: call.scopes.length > 0 }).toEqual({ op: call.field, scopes: true });
      expect({ op: call.field, undefinedScopes: call.scopes.filter((s) => !SCOPES.includes(s)) }).toEqual({
        op: call.field,
        undefinedScopes: [],
      });
    }
    figures.operations = calls.length;
  });

  it("answers UNAUTHENTICATED to every operation without a token, and with an expired or foreign token", async () => {
    const failures: string[] = [];
    for (const call of calls) {
      const r = await postGraphql(gw, { query: call.query, variables: call.variables }, null);
      figures.calls++;
      if (r.codes.join() !== "UNAUTHENTICATED" || r.json?.data?.[call.field])
        failures.push(`${call.type}.${call.field}: ${r.status} ${r.codes.join()} ${r.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    const secret = gw.env.AUTH_JWT_SECRET;
    const expired = await signDevelopmentToken(secret, { sub: "old", scopes: SCOPES }, "-1m");
    const foreign = await signDevelopmentToken("another-issuer-secret-0123456789-0123456789", {
      sub: "mallory",
      scopes: SCOPES,
    });
    const noneAlg = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify({ sub: "mallory", scope: SCOPES.join(" ") })).toString("base64url")}.`;
    for (const token of [expired, foreign, noneAlg]) {
      const r = await postGraphql(gw, { query: calls[0].query, variables: calls[0].variables }, token);
      figures.calls++;
      expect({ status: r.status, codes: r.codes }).toEqual({ status: 401, codes: ["UNAUTHENTICATED"] });
    }
  });

  it("answers FORBIDDEN, naming the scopes, to a token holding every scope except the operation's", async () => {
    const failures: string[] = [];
    for (const call of calls) {
      const token = await gw.token(
        SCOPES.filter((s) => !call.scopes.includes(s)),
        `matrix-forbidden-${call.field}`,
      );
      const r = await postGraphql(gw, { query: call.query, variables: call.variables }, token);
      figures.calls++;
      const message = r.json?.errors?.[0]?.message ?? "";
      if (
        r.codes.join() !== "FORBIDDEN" ||
        !call.scopes.every((s) => message.includes(s)) ||
        r.json?.data?.[call.field]
      ) {
        failures.push(`${call.type}.${call.field}: ${r.status} ${r.codes.join()} ${message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets each declared scope through (no UNAUTHENTICATED/FORBIDDEN), and never answers a well-typed call with an internal error", async () => {
    const failures: string[] = [];
    // Queries first, so mutations with dummy data do not change what queries see.
    const ordered = [...calls.filter((c) => c.type === "Query"), ...calls.filter((c) => c.type === "Mutation")];
    for (const call of ordered) {
      for (const scope of call.scopes) {
        const token = await gw.token(
          [scope, ...(ALSO_NEEDS[`${call.type}.${call.field}`] ?? [])],
          `matrix-allowed-${call.field}`,
        );
        const r = await postGraphql(gw, { query: call.query, variables: call.variables }, token);
        figures.calls++;
        if (
          r.codes.some((c) => ["UNAUTHENTICATED", "FORBIDDEN", "INTERNAL_SERVER_ERROR"].includes(c)) ||
          r.status >= 500
        ) {
          failures.push(`${call.type}.${call.field} with ${scope}: ${r.status} ${r.text.slice(0, 300)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses the operations that need a second scope when only the declared one is held", async () => {
    for (const [op, extra] of Object.entries(ALSO_NEEDS)) {
      const call = calls.find((c) => `${c.type}.${c.field}` === op);
      expect(call).toBeDefined();
      for (const scope of call!.scopes.filter((s) => !(ENOUGH_ALONE[op] ?? []).includes(s))) {
        const r = await postGraphql(
          gw,
          { query: call!.query, variables: call!.variables },
          await gw.token([scope], "matrix-partial"),
        );
        figures.calls++;
        expect({ op, scope, codes: r.codes }).toEqual({ op, scope, codes: ["FORBIDDEN"] });
        expect(r.json?.errors?.[0].message).toContain(extra[0]);
      }
      for (const scope of ENOUGH_ALONE[op] ?? []) {
        const r = await postGraphql(
          gw,
          { query: call!.query, variables: call!.variables },
          await gw.token([scope], "matrix-alone"),
        );
        figures.calls++;
        expect({ op, scope, codes: r.codes.filter((c) => c === "FORBIDDEN" || c === "UNAUTHENTICATED") }).toEqual({
          op,
          scope,
          codes: [],
        });
      }
    }
  });

  it("fails the schema build, naming the operation, when a query or mutation declares no scope", async () => {
    expect(() => operationScopes([ForgottenQueryResolver])).toThrow(
      /missing on: Query\.forgottenQuery \(ForgottenQueryResolver\)/,
    );
    expect(() => operationScopes([ForgottenMutationResolver])).toThrow(/Mutation\.forgottenMutation/);
    const forgotten = defineModule({
      name: "forgotten",
      description: "",
      entities: [],
      resolvers: [ForgottenMutationResolver],
      migrations: [],
      scopes: [],
    });
    await expect(buildModuleSchema([...modules, forgotten])).rejects.toThrow(
      /@Authorized[\s\S]*Mutation\.forgottenMutation/,
    );
    // …and the matrix itself refuses to run with such a module.
    expect(() => generateCalls(schema, [...modules, forgotten])).toThrow(/Mutation\.forgottenMutation/);
  });
});

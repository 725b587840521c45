import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parse, validate, type DocumentNode } from "graphql";
import ts from "typescript";
import { buildModuleSchema } from "@arbetsliv/core";
import { modules } from "../../src/modules";
import { QUERY_LIMITS, createRequestGuard, estimateOperations, securityValidationRules } from "../../src/security";

/**
 * The limits must refuse abuse and nothing real: every GraphQL document written in the repo's
 * tests (every package, every level) passes them. Documents are taken from string and template
 * literals (interpolations replaced), and kept when they parse as GraphQL.
 */
const ROOT = resolve(__dirname, "../../../..");
const LIMIT_CODES = [
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COSTLY",
  "TOO_MANY_ALIASES",
  "TOO_MANY_DIRECTIVES",
  "FIELD_REPEATED",
  "TOO_MANY_TOKENS",
  "QUERY_TOO_LARGE",
];

function testFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) testFiles(path, out);
    else if (/\.(spec|integration-spec|e2e-spec)\.ts$/.test(name) && !path.includes(`${join("test", "security")}`))
      out.push(path);
  }
  return out;
}

function graphqlDocuments(file: string): { text: string; document: DocumentNode }[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found: { text: string; document: DocumentNode }[] = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text = node.head.text + node.templateSpans.map((s) => ` ${s.literal.text}`).join("");
    if (text && /^\s*(query|mutation|\{|fragment)/.test(text) && /[{}]/.test(text)) {
      try {
        found.push({ text, document: parse(text) });
      } catch {
        // not GraphQL (or not parseable once interpolations are removed)
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the query limits fit every real query in the repo's tests", () => {
  it("refuses none of them", async () => {
    const schema = await buildModuleSchema(modules);
    const guard = createRequestGuard(schema, 0);
    const files = [...testFiles(join(ROOT, "packages")), ...testFiles(join(ROOT, "apps"))];
    const refused: string[] = [];
    let documents = 0;
    const largest = { depth: 0, cost: 0 };
    for (const file of files) {
      for (const { text, document } of graphqlDocuments(file)) {
        documents++;
        for (const op of estimateOperations(schema, document)) {
          largest.depth = Math.max(largest.depth, op.depth);
          largest.cost = Math.max(largest.cost, op.cost);
        }
        const limitErrors = validate(schema, document, securityValidationRules).filter((e) =>
          LIMIT_CODES.includes(String(e.extensions?.code)),
        );
        const refusal = guard(text);
        const guardErrors = (refusal?.errors ?? []).filter((e) => LIMIT_CODES.includes(e.code));
        if (limitErrors.length || guardErrors.length) {
          refused.push(
            `${relative(ROOT, file)}: ${[...limitErrors.map((e) => e.message), ...guardErrors.map((e) => e.message)].join("; ")}\n  ${text.slice(0, 160)}`,
          );
        }
      }
    }
    console.warn(
      `[figures] real queries checked against the limits: ${documents} documents in ${files.length} test files, ${refused.length} refused; ` +
        `largest depth ${largest.depth} (limit ${QUERY_LIMITS.maxDepth}), largest cost ${largest.cost} (limit ${QUERY_LIMITS.maxCost})`,
    );
    expect(documents).toBeGreaterThan(50);
    expect(refused).toEqual([]);
  });

  it("counts every list by its real bound, so the unpaged-cycle attack of issue 13 no longer fits", async () => {
    const schema = await buildModuleSchema(modules);
    const cost = (query: string) => estimateOperations(schema, parse(query))[0].cost;
    // Before: a partner's agreements counted as 10 items, so this was estimated at 6 701 and answered 179 MB.
    const attack = `{ iopAgreements(first: 50) { nodes { id partner { agreements { id partner { agreements { id } } } } } } }`;
    const deeper = `{ iopAgreements(first: 50) { nodes { id partner { agreements { id partner { agreements { id partner { agreements { id } } } } } } } } }`;
    // Each nested page is `first` (default 25): the estimate bounds what can come back (50 × 25 × 25 ids).
    expect(cost(attack)).toBeGreaterThanOrEqual(50 * 25 * 25);
    expect(cost(deeper)).toBeGreaterThan(QUERY_LIMITS.maxCost);
    const guard = createRequestGuard(schema, 0);
    expect(guard(deeper)?.errors.map((e) => e.code)).toEqual(["QUERY_TOO_COSTLY"]);
    // Larger pages asked for explicitly count as asked.
    expect(
      cost(`{ iopAgreements(first: 100) { nodes { partner { agreements(first: 100) { id } } } } }`),
    ).toBeGreaterThanOrEqual(100 * 100);
    console.warn(
      `[figures] attack estimate: ${cost(attack)} (was 6 701), one level deeper: ${cost(deeper)} (limit ${QUERY_LIMITS.maxCost})`,
    );
  });
});

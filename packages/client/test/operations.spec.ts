import { Kind, parse, print, validate, visit, type OperationDefinitionNode } from "graphql";
import { generate } from "@graphql-codegen/cli";
import config from "../codegen";
import { loadSchema, operationFiles, schemaSdl } from "./operations";

const DOMAINS = ["synpunkter", "ekonomiskt-bistand", "relationsvald", "iop", "donationsfonder", "events"];

const operationsOf = (domain: string): OperationDefinitionNode[] =>
  operationFiles()
    .filter((f) => f.domain === domain)
    .flatMap((f) =>
      f.document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION),
    );

describe("the example operations", () => {
  const schema = loadSchema();

  it.each(operationFiles().map((f) => [f.file, f] as const))(
    "%s is valid against apps/gateway/schema.graphql",
    (_file, f) => {
      expect(validate(schema, f.document).map((e) => e.message)).toEqual([]);
    },
  );

  it.each(DOMAINS)("%s has a paged list, a single record and a mutation", (domain) => {
    const operations = operationsOf(domain);
    const variables = (op: OperationDefinitionNode) => (op.variableDefinitions ?? []).map((v) => v.variable.name.value);
    expect(
      operations.some(
        (op) => op.operation === "query" && variables(op).includes("first") && variables(op).includes("after"),
      ),
    ).toBe(true);
    expect(operations.some((op) => op.operation === "query" && variables(op).includes("id"))).toBe(true);
    expect(operations.some((op) => op.operation === "mutation")).toBe(true);
  });

  it("names every operation, each name once (codegen makes a type and a document per name)", () => {
    const names = DOMAINS.flatMap((d) => operationsOf(d).map((op) => op.name?.value));
    expect(names).not.toContain(undefined);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("a schema change that breaks an example", () => {
  /** The schema without FeedbackItem.dueDate, which the FeedbackItems list page selects. */
  const withoutDueDate = (): string => {
    let removed = false;
    const edited = visit(parse(schemaSdl()), {
      FieldDefinition(node, _key, _parent, _path, ancestors) {
        const owner = ancestors[ancestors.length - 1];
        if (
          owner &&
          "kind" in owner &&
          owner.kind === Kind.OBJECT_TYPE_DEFINITION &&
          owner.name.value === "FeedbackItem" &&
          node.name.value === "dueDate"
        ) {
          removed = true;
          return null;
        }
        return undefined;
      },
    });
    if (!removed) throw new Error("FeedbackItem.dueDate is no longer in the schema: pick another field");
    return print(edited);
  };

  it("fails validation, naming the operation's field", () => {
    const schema = loadSchema(withoutDueDate());
    const list = operationFiles().find((f) => f.file === "synpunkter/feedback-items.graphql")!;
    expect(validate(schema, list.document).map((e) => e.message)).toEqual([
      'Cannot query field "dueDate" on type "FeedbackItem".',
    ]);
  });

  it("fails the code generator (so pnpm build and pnpm typecheck fail in CI)", async () => {
    // The generator also prints the failure; the assertion below is what matters.
    const printed = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const run = generate(
      { ...config, schema: withoutDueDate(), hooks: {}, silent: true, cwd: `${__dirname}/..` },
      false, // do not write files
    );
    await expect(run).rejects.toThrow('Cannot query field "dueDate" on type "FeedbackItem"');
    printed.mockRestore();
  });

  it("generates without error from the schema as it is", async () => {
    const outputs = await generate({ ...config, hooks: {}, silent: true, cwd: `${__dirname}/..` }, false);
    expect(outputs.map((o: { filename: string }) => o.filename).sort()).toEqual(
      // persisted-documents.json: the trusted documents manifest (codegen.ts, persistedDocuments).
      ["src/gql/gql.ts", "src/gql/graphql.ts", "src/gql/index.ts", "src/gql/persisted-documents.json"].map((f) =>
        expect.stringContaining(f),
      ),
    );
  });
});

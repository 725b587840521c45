import { GraphQLError } from "graphql";
import { ValidationError } from "./errors";
import { formatError } from "./format-error";

describe("formatError", () => {
  const hostile: [string, unknown][] = [
    [
      "an error whose message getter throws",
      Object.defineProperty(new Error("x"), "message", {
        get: () => {
          throw new Error("boom");
        },
      }),
    ],
    [
      "an error whose stack holds a lone surrogate",
      Object.assign(new Error("bad \ud800 text"), { stack: "Error: \udc00" }),
    ],
    [
      "a GraphQLError whose original error cannot be read",
      Object.defineProperty(new GraphQLError("wrapped"), "originalError", {
        get: () => {
          throw new Error("boom");
        },
      }),
    ],
    ["not an error at all", Symbol("odd")],
  ];

  it.each(hostile)("never throws, masks and logs: %s", (_label, error) => {
    const logged: unknown[] = [];
    const formatted = { message: undefined as unknown as string, extensions: { code: "INTERNAL_SERVER_ERROR" } };
    const out = formatError(formatted, error, { onInternalError: (e) => logged.push(e) });
    expect(out.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(out.message).toMatch(/Internal server error/);
    expect(logged.length).toBeGreaterThan(0);
  });

  it("answers even when the logger itself throws", () => {
    const out = formatError({ message: "x" }, new Error("db down"), {
      onInternalError: () => {
        throw new Error("log failed");
      },
    });
    expect(out.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("keeps a domain error's field and rule, and never shows the status hint meant for the server", () => {
    const error = new ValidationError("input.description", "unicode", "is not well-formed Unicode text");
    (error.extensions as Record<string, unknown>).http = { status: 400 };
    const out = formatError({ message: error.message, extensions: { ...error.extensions } }, error);
    expect(out.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.description", rule: "unicode" });
  });

  it("names the variable's input path as the field of a variable that cannot be coerced", () => {
    const cases: [string, string][] = [
      [
        'Variable "$input" got invalid value "2021-13-45" at "input.receivedDate"; Expected a date',
        "input.receivedDate",
      ],
      ['Variable "$input" got invalid value "x" at "input.incomes[1].amount"; Not money', "input.incomes.1.amount"],
      ['Variable "$id" of required type "ID!" was not provided.', "id"],
      ['Variable "$d" got invalid value "2021-02-30"; Expected a date', "d"],
    ];
    for (const [message, field] of cases) {
      const out = formatError({ message }, new GraphQLError(message));
      expect({ message, extensions: out.extensions }).toEqual({
        message,
        extensions: { code: "BAD_USER_INPUT", field },
      });
    }
    expect(formatError({ message: "Cannot query field" }, new GraphQLError("x")).extensions?.field).toBeUndefined();
  });
});

import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  LocalizedGraphQLError,
  NotFoundError,
  ScalarValidationError,
  UnauthenticatedError,
  ValidationError,
  assertVersion,
} from "./errors";
import { formatError } from "./format-error";
import { swedishConstraint } from "./constraint-messages";
import { PersonnummerScalar } from "../scalars/identity-scalars";
import { MoneyScalar } from "../scalars/money";
import { parseLocalDate } from "../scalars/local-date";

function answer(error: GraphQLError, language?: "en" | "sv", message = error.message): GraphQLFormattedError {
  return formatError({ message, extensions: { ...error.extensions } }, error, language ? { language } : {});
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("did not throw");
}

describe("error messages by language", () => {
  it("answers a domain error in Swedish or English with the same code, field and rule", () => {
    const error = new ValidationError("input.title", "length", { en: "is too long", sv: "är för lång" });
    const en = answer(error, "en");
    const sv = answer(error, "sv");
    expect(en.message).toBe("input.title: is too long");
    expect(sv.message).toBe("input.title: är för lång");
    expect(answer(error).message).toBe(en.message); // English by default
    expect(sv.extensions).toEqual(en.extensions);
    expect(sv.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.title", rule: "length" });
  });

  it("keeps English for a message given in English only", () => {
    const error = new DomainError("CONFLICT", "only English");
    expect(answer(error, "sv").message).toBe("only English");
  });

  it("has Swedish texts for core's own errors, English unchanged", () => {
    const cases: [GraphQLError, string, string][] = [
      [new NotFoundError("FeedbackItem", 7), "FeedbackItem 7 was not found", "FeedbackItem 7 hittades inte"],
      [
        new ForbiddenError(["synpunkter:read", "synpunkter:admin"]),
        "This operation needs one of the scopes: synpunkter:read, synpunkter:admin",
        "Den här operationen kräver något av behörighetsomfången (scopes): synpunkter:read, synpunkter:admin",
      ],
      [
        new UnauthenticatedError(),
        "Sign in: send a valid bearer token in the Authorization header",
        "Logga in: skicka en giltig bearer-token i Authorization-huvudet",
      ],
      [
        thrown(() => assertVersion("FeedbackItem", 3, 1, 2)) as GraphQLError,
        "FeedbackItem 3 was changed by someone else (your version 1, current 2); reload and try again",
        "FeedbackItem 3 har ändrats av någon annan (din version 1, aktuell 2); läs in på nytt och försök igen",
      ],
    ];
    for (const [error, en, sv] of cases) {
      expect(answer(error, "en").message).toBe(en);
      expect(answer(error, "sv").message).toBe(sv);
      expect(answer(error, "sv").extensions).toEqual(answer(error, "en").extensions);
    }
    expect(new ConflictError({ en: "a", sv: "b" }).swedishMessage).toBe("b");
  });

  it("answers a request limit (a GraphQLError with a Swedish text) in the request's language", () => {
    const error = new LocalizedGraphQLError("QUERY_TOO_DEEP", { en: "too deep", sv: "för djup" });
    // As Apollo wraps validation errors: a new GraphQLError with the limit's error as its original.
    const wrapped = new GraphQLError(error.message, { originalError: error, extensions: error.extensions });
    expect(answer(wrapped, "sv")).toEqual({ message: "för djup", extensions: { code: "QUERY_TOO_DEEP" } });
    expect(answer(wrapped, "en")).toEqual({ message: "too deep", extensions: { code: "QUERY_TOO_DEEP" } });
  });

  it("leaves graphql-js's own errors in English", () => {
    const error = new GraphQLError('Cannot query field "x" on type "Query".', {
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    expect(answer(error, "sv").message).toBe('Cannot query field "x" on type "Query".');
  });

  it("masks an internal error in the request's language", () => {
    const error = new GraphQLError("boom", { originalError: new Error("SELECT secret") });
    expect(answer(error, "sv").message).toBe(
      "Internt serverfel – begäran slutfördes inte; ange begärans id (request id) för supporten",
    );
    expect(answer(error, "en").message).toBe(
      "Internal server error — the request was not completed; quote the request id to support",
    );
    const down = new GraphQLError("x", { originalError: Object.assign(new Error("down"), { code: "ECONNREFUSED" }) });
    expect(answer(down, "sv")).toMatchObject({
      message: "Databasen svarar inte; försök igen om några sekunder",
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
  });

  it("answers scalar errors with the field and the Swedish text, the scalar and rule unchanged", () => {
    const scalar = thrown(() => PersonnummerScalar.parseValue("19850101-0000")) as ScalarValidationError;
    expect(scalar.message).toBe("Personnummer check digit is wrong (Luhn)");
    const message = `Variable "$input" got invalid value "19850101-0000" at "input.personnummer"; ${scalar.message}`;
    const wrapped = new GraphQLError(message, { originalError: scalar });
    const sv = formatError({ message }, wrapped, { language: "sv" });
    const en = formatError({ message }, wrapped, { language: "en" });
    expect(en.message).toBe(message);
    expect(sv.message).toBe("input.personnummer: Personnummer har fel kontrollsiffra (Luhn)");
    expect(sv.extensions).toEqual(en.extensions);
    expect(sv.extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.personnummer",
      scalar: "Personnummer",
      rule: "checksum",
    });
    expect((thrown(() => MoneyScalar.parseValue(1.5)) as ScalarValidationError).swedishMessage).toBe(
      'Money måste vara en sträng som "1250.50" eller ett helt antal kronor',
    );
    expect((thrown(() => parseLocalDate("2021-02-30")) as ScalarValidationError).swedishMessage).toMatch(
      /^Date måste vara ett verkligt datum/,
    );
  });

  it("answers class-validator constraints with Swedish templates naming the field path", () => {
    const error = new ArgumentValidationError([
      {
        property: "input",
        children: [
          {
            property: "title",
            constraints: { isLength: "title must be shorter than or equal to 200 characters" },
            children: [],
          },
          { property: "amount", constraints: { max: "amount must be at most 1 000,00 kr" }, children: [] },
        ],
      },
    ] as never);
    const sv = formatError({ message: "x" }, error, { language: "sv" });
    const en = formatError({ message: "x" }, error, { language: "en" });
    expect(en.message).toBe(
      "Invalid input — input.title: title must be shorter than or equal to 200 characters | input.amount: amount must be at most 1 000,00 kr",
    );
    expect(sv.message).toBe(
      "Ogiltig indata — input.title: får vara högst 200 tecken | input.amount: får vara högst 1 000,00 kr",
    );
    expect(sv.extensions).toEqual(en.extensions);
  });

  it("has a Swedish template for each constraint the packages use", () => {
    expect(swedishConstraint("length", "x must be longer than or equal to 2 characters")).toBe(
      "måste vara minst 2 tecken",
    );
    expect(swedishConstraint("maxLength", "x must be shorter than or equal to 50 characters")).toBe(
      "får vara högst 50 tecken",
    );
    expect(swedishConstraint("min", "x must not be less than 1")).toBe("måste vara minst 1");
    expect(swedishConstraint("min", "x must be at least 0")).toBe("måste vara minst 0");
    expect(swedishConstraint("max", "x must not be greater than 9")).toBe("får vara högst 9");
    expect(swedishConstraint("arrayMaxSize", "x must contain no more than 20 elements")).toBe(
      "får innehålla högst 20 element",
    );
    expect(swedishConstraint("arrayMinSize", "x must contain at least 1 elements")).toBe(
      "måste innehålla minst 1 element",
    );
    expect(swedishConstraint("isEmail", "x must be an email")).toBe("måste vara en e-postadress");
    expect(swedishConstraint("matches", "month must be YYYY-MM")).toBe("har inte rätt format");
    expect(swedishConstraint("arrayUnique", "All x's elements must be unique")).toBe("får inte innehålla dubbletter");
    expect(swedishConstraint("isInt", "x must be an integer number")).toBe("måste vara ett heltal");
    expect(swedishConstraint("somethingNew", "x is odd")).toBe("har inget giltigt värde");
  });
});

import { GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { ScalarValidationError, type Message } from "../errors/errors";
import {
  IdentityNumberError,
  formatOrganisationsnummer,
  formatPersonnummer,
  parseOrganisationsnummer,
  parsePersonnummer,
} from "./identity-numbers";

function mustBeString(scalar: string): Message {
  return { en: `${scalar} must be a string`, sv: `${scalar} måste vara en sträng` };
}

function stringInput(scalar: string, value: unknown): string {
  if (typeof value !== "string") throw new ScalarValidationError(scalar, "format", mustBeString(scalar));
  return value;
}

function wrap<T>(scalar: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof IdentityNumberError)
      throw new ScalarValidationError(scalar, e.rule, {
        en: `${scalar} ${e.message}`,
        sv: `${scalar} ${e.swedishMessage}`,
      });
    throw e;
  }
}

function literal(scalar: string, ast: ValueNode): string {
  if (ast.kind !== Kind.STRING) throw new ScalarValidationError(scalar, "format", mustBeString(scalar));
  return ast.value;
}

/** Internal value: 12 digits YYYYMMDDNNNC. */
export const PersonnummerScalar = new GraphQLScalarType<string, string>({
  name: "Personnummer",
  description:
    "Swedish personnummer or samordningsnummer (day + 60). Input: 10 or 12 digits with optional - or + (YYMMDD-NNNN, YYYYMMDDNNNN); output: YYYYMMDD-NNNN. The Luhn check digit is verified.",
  serialize: (value) => formatPersonnummer(String(value)),
  parseValue: (value) => wrap("Personnummer", () => parsePersonnummer(stringInput("Personnummer", value)).normalized),
  parseLiteral: (ast) => wrap("Personnummer", () => parsePersonnummer(literal("Personnummer", ast)).normalized),
});

/** Internal value: 10 digits. */
export const OrganisationsnummerScalar = new GraphQLScalarType<string, string>({
  name: "Organisationsnummer",
  description: "Swedish organisationsnummer, NNNNNN-NNNN: third digit 2 or higher, Luhn check digit verified.",
  serialize: (value) => formatOrganisationsnummer(String(value)),
  parseValue: (value) =>
    wrap("Organisationsnummer", () => parseOrganisationsnummer(stringInput("Organisationsnummer", value))),
  parseLiteral: (ast) =>
    wrap("Organisationsnummer", () => parseOrganisationsnummer(literal("Organisationsnummer", ast))),
});

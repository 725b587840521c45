import { GraphQLScalarType, Kind } from "graphql";
import { ScalarValidationError } from "../errors/errors";

/**
 * Money is exact: held as integer öre (a JS number is exact up to 9·10^15 öre, i.e. 90 000
 * billion kronor, far above the 243 250 tkr budget) and exchanged as a decimal string in
 * kronor with two decimals ("3532.00"). Never a float.
 */
export type Ore = number;

const MONEY_PATTERN = /^(-)?(\d{1,13})(?:[.,](\d{1,2}))?$/;

export function kronorToOre(input: string | number): Ore {
  const text =
    typeof input === "number"
      ? Number.isInteger(input)
        ? String(input)
        : String(input)
      : input.trim().replace(/\s/g, "");
  const m = MONEY_PATTERN.exec(text);
  if (!m) {
    throw new ScalarValidationError("Money", "format", {
      en: 'Money must be kronor with at most two decimals, e.g. "1250" or "1250.50"',
      sv: 'Money måste vara kronor med högst två decimaler, t.ex. "1250" eller "1250.50"',
    });
  }
  const [, minus, whole, frac = ""] = m;
  const ore = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return minus ? -ore : ore;
}

/** A whole number of öre as the database or a sum may hold it: mysql2 gives BIGINT and SUM as text. */
const WHOLE_ORE_TEXT = /^-?\d+(?:\.0+)?$/;
const SAFE_WHOLE_TEXT = /^-?\d{1,15}$/;

/**
 * Kronor with two decimals, exactly, for any whole number of öre: a safe number, a number beyond
 * 2^53 (written as the exact value it holds), a bigint, or a database text such as "1234" or
 * "1234.0000". Only a value that is not whole öre (a fraction, NaN, junk) is refused.
 */
export function oreToKronor(ore: Ore | bigint | string): string {
  // Database text of up to 15 digits is a safe number: no BigInt per row.
  if (typeof ore === "string" && SAFE_WHOLE_TEXT.test(ore)) ore = Number(ore);
  if (typeof ore === "number" && Number.isSafeInteger(ore)) {
    const sign = ore < 0 ? "-" : "";
    const abs = Math.abs(ore);
    return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  }
  let exact: bigint;
  if (typeof ore === "bigint") exact = ore;
  else if (typeof ore === "number" && Number.isInteger(ore)) exact = BigInt(ore);
  else if (typeof ore === "string" && WHOLE_ORE_TEXT.test(ore.trim())) exact = BigInt(ore.trim().split(".")[0]);
  else throw new TypeError(`Money value is not whole öre: ${String(ore).slice(0, 40)}`);
  const sign = exact < 0n ? "-" : "";
  const abs = exact < 0n ? -exact : exact;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

const MONEY_TYPE = {
  en: 'Money must be a string such as "1250.50" or a whole number of kronor',
  sv: 'Money måste vara en sträng som "1250.50" eller ett helt antal kronor',
};

export const MoneyScalar = new GraphQLScalarType<Ore, string>({
  name: "Money",
  description:
    'Exact amount in Swedish kronor as a decimal string with two decimals, e.g. "3532.00". Input also accepts a whole number of kronor.',
  serialize: (value) => oreToKronor(value as Ore | bigint | string),
  parseValue: (value) => {
    if (typeof value !== "string" && !(typeof value === "number" && Number.isInteger(value))) {
      throw new ScalarValidationError("Money", "format", MONEY_TYPE);
    }
    return kronorToOre(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return kronorToOre(ast.value);
    throw new ScalarValidationError("Money", "format", MONEY_TYPE);
  },
});

/**
 * TypeORM column options for money: BIGINT öre. mysql2 returns BIGINT as a string, sql.js as a
 * number; the transformer makes both a number.
 */
export const moneyColumn = {
  type: "bigint" as const,
  transformer: {
    to: (value: Ore | null | undefined) => value,
    from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
  },
};

/**
 * How an amount reads in explanations and messages: "3 532 kr", "376,67 kr" (öre only when there
 * are some), "−1,50 kr"; thousands grouped with spaces. The one formatter of amounts for people.
 */
export function formatKronor(ore: Ore | bigint): string {
  const value = BigInt(ore);
  const sign = value < 0n ? "−" : "";
  const abs = value < 0n ? -value : value;
  const whole = String(abs / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const rest = abs % 100n;
  return `${sign}${whole}${rest ? `,${String(rest).padStart(2, "0")}` : ""} kr`;
}

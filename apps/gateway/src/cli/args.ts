import { parseArgs } from "node:util";

/** Exit code of a command line the program refused (unknown flag, missing value, bad value). */
export const EXIT_USAGE = 2;

type OptionSpec = { type: "string" | "boolean"; short?: string };
type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean;
};

/** Ends the program: the problem and the usage on stderr, exit 2. */
export function refuseUsage(usage: string, problem: string): never {
  process.stderr.write(`${problem}\n\n${usage.trimEnd()}\n`);
  process.exit(EXIT_USAGE);
}

/**
 * Reads a command's flags strictly, before it opens anything: an unknown flag (a typo such as
 * `--dryrun`), a missing value or a stray word ends it with exit 2 and the usage on stderr;
 * `--help`/`-h` prints the usage and exits 0. pnpm forwards the `--` of `pnpm x -- --flag` to the
 * program, so one leading `--` is dropped.
 */
export function parseCommandLine<O extends Record<string, OptionSpec>>(
  usage: string,
  options: O,
  argv: string[] = process.argv.slice(2),
): Values<O> {
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }).values as typeof values;
  } catch (e) {
    refuseUsage(usage, (e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${usage.trimEnd()}\n`);
    process.exit(0);
  }
  return values as Values<O>;
}

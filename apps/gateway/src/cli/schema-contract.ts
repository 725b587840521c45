#!/usr/bin/env node
/**
 * The API contract checks over apps/gateway/schema.graphql (run after schema:check has proved the
 * file current): the description ratchet, the deprecation format, and no unannounced breaking
 * change against the base commit's schema.
 */
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { buildSchema, type GraphQLSchema } from "graphql";
import { parseCommandLine } from "./args";
import { fileAt, repositoryRoot, resolveBase } from "./contract/base";
import { announcedBreakingChanges, schemaChanges, unannounced } from "./contract/changes";
import { deprecationFindings, undocumentedCoordinates } from "./contract/coordinates";
import { compareWithList, formatList, parseList, ratchetMessages } from "./contract/ratchet";

const gatewayDir = join(__dirname, "..", "..");
const args = parseCommandLine(
  `Checks the API contract: every new schema element described (the ratchet list), @deprecated
reasons with a removal date, and no breaking change against the base commit's schema that
CHANGELOG.md does not announce. Dangerous changes are printed as warnings.

Usage: pnpm schema:contract                                  check (exit 1 on a violation)
       pnpm schema:contract -- --write-undocumented          rewrite the ratchet list from the schema
       pnpm schema:contract -- --base <rev>                  compare with this commit's schema

  --base <rev>            the commit to compare with (also SCHEMA_BASE_REF). Default: the merge base
                          with the upstream when HEAD has commits it lacks, else HEAD~1
  --write-undocumented    write the list of undocumented coordinates and exit (review the diff:
                          the list should only shrink)
  --schema <file>         default apps/gateway/schema.graphql
  --undocumented <file>   default apps/gateway/schema-undocumented.txt
  --changelog <file>      default CHANGELOG.md at the repository root
  -h, --help              this text`,
  {
    base: { type: "string" },
    "write-undocumented": { type: "boolean" },
    schema: { type: "string" },
    undocumented: { type: "string" },
    changelog: { type: "string" },
  },
);

const schemaFile = resolve(args.schema ?? join(gatewayDir, "schema.graphql"));
const listFile = resolve(args.undocumented ?? join(dirname(schemaFile), "schema-undocumented.txt"));

function parse(sdl: string, where: string): GraphQLSchema {
  try {
    return buildSchema(sdl);
  } catch (e) {
    throw new Error(`${where} is not a valid schema: ${(e as Error).message}`);
  }
}

function main(): number {
  const schema = parse(readFileSync(schemaFile, "utf8"), schemaFile);
  const undocumented = undocumentedCoordinates(schema);
  if (args["write-undocumented"]) {
    // Say how the list moved, so a reviewer sees at once when it grew (it should only shrink).
    const previous = existsSync(listFile) ? parseList(readFileSync(listFile, "utf8")) : [];
    const { newlyUndocumented, stale } = compareWithList(undocumented, previous);
    writeFileSync(listFile, formatList(undocumented));
    console.log(
      `Wrote ${listFile}: ${undocumented.length} undocumented coordinates (${stale.length} lines removed, ${newlyUndocumented.length} added).`,
    );
    for (const c of newlyUndocumented) console.log(`added: ${c} (describe it instead, then rewrite the list)`);
    return 0;
  }
  const errors: string[] = [];
  const warnings: string[] = [];

  const root = repositoryRoot(dirname(schemaFile));
  if (!root) throw new Error(`${schemaFile} is not in a git repository: the breaking-change check needs its history.`);
  const shown = (file: string) => relative(realpathSync(root), realpathSync(file)).split("\\").join("/");

  const listed = existsSync(listFile) ? parseList(readFileSync(listFile, "utf8")) : [];
  if (existsSync(listFile)) {
    errors.push(...ratchetMessages(compareWithList(undocumented, listed), shown(listFile)));
  } else {
    errors.push(`${listFile} is missing: write it with \`pnpm schema:contract -- --write-undocumented\`.`);
  }

  const deprecations = deprecationFindings(schema);
  errors.push(...deprecations.problems);
  warnings.push(...deprecations.due);

  const changelogFile = resolve(args.changelog ?? join(root, "CHANGELOG.md"));
  const base = resolveBase(root, args.base ?? process.env.SCHEMA_BASE_REF);
  const pathFromRoot = shown(schemaFile);
  const before = base.commit ? fileAt(root, base.commit, pathFromRoot) : null;
  let breakingCount = 0;
  if (!base.commit) {
    console.log(`Breaking changes: not checked — ${base.reason}.`);
  } else if (before === null) {
    console.log(`Breaking changes: not checked — ${pathFromRoot} does not exist at ${base.reason}.`);
  } else {
    const changes = schemaChanges(parse(before, `${pathFromRoot} at ${base.commit}`), schema);
    breakingCount = changes.breaking.length;
    const announced = existsSync(changelogFile)
      ? announcedBreakingChanges(readFileSync(changelogFile, "utf8"))
      : new Set<string>();
    for (const c of unannounced(changes.breaking, announced)) {
      errors.push(
        `Breaking change not announced: ${c.description} Announce it in ${existsSync(changelogFile) ? shown(changelogFile) : changelogFile} under "## Unreleased":\n` +
          `    - **Breaking:** \`${c.coordinate}\` — what changed and what clients do instead.`,
      );
    }
    warnings.push(
      ...changes.dangerous.map(
        (c) => `Dangerous change (clients may behave differently): ${c.coordinate} — ${c.description}`,
      ),
    );
    console.log(`Compared with ${pathFromRoot} at ${base.commit.slice(0, 12)}, ${base.reason}.`);
  }

  for (const w of warnings) console.log(`warning: ${w}`);
  for (const e of errors) console.error(`error: ${e}`);
  console.log(
    `Schema contract: ${undocumented.length} undocumented coordinates (${listed.length} listed), ` +
      `${breakingCount} breaking change(s), ${warnings.length} warning(s), ${errors.length} error(s).`,
  );
  return errors.length ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exitCode = 1;
}

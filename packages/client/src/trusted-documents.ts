import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * `pnpm --filter @arbetsliv/client trusted-documents [-- --out <file>]`: writes the manifest of
 * this package's operations for a gateway with TRUSTED_DOCUMENTS — a JSON object of sha256 →
 * document text, from what the client preset generated (src/gql/persisted-documents.json, see
 * codegen.ts). Not part of the package's API (index.ts does not export it): a build tool.
 */

/** Where the client preset writes the documents (codegen.ts, `persistedDocuments`). */
export const GENERATED_MANIFEST = resolve(__dirname, "../src/gql/persisted-documents.json");
/** Where the manifest goes without `--out`. */
export const DEFAULT_OUT = resolve(__dirname, "../dist/trusted-documents.json");

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The manifest in the form the gateway reads, sorted by hash (a stable diff between releases).
 * Throws, naming the entry, if one is not keyed by the sha256 of its text (a preset configured
 * with another hashAlgorithm): the gateway would refuse to start with it.
 */
export function trustedDocumentsManifest(generated: unknown): Record<string, string> {
  if (typeof generated !== "object" || generated === null || Array.isArray(generated))
    throw new Error("The generated manifest must be a JSON object of hash → document text");
  const entries = Object.entries(generated as Record<string, unknown>);
  if (!entries.length)
    throw new Error("The generated manifest holds no documents: add operations under src/operations");
  for (const [hash, text] of entries) {
    if (typeof text !== "string") throw new Error(`Entry ${hash}: the value must be the document's text`);
    if (sha256Hex(text) !== hash)
      throw new Error(
        `Entry ${hash}: the key is not the sha256 of its text; set persistedDocuments.hashAlgorithm to "sha256" in codegen.ts`,
      );
  }
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as Record<string, string>;
}

/** Reads the generated manifest, checks it and writes it to `out`; how many documents it holds. */
export function writeTrustedDocuments(out: string, from: string = GENERATED_MANIFEST): number {
  let generated: unknown;
  try {
    generated = JSON.parse(readFileSync(from, "utf8"));
  } catch (e) {
    throw new Error(`Cannot read ${from} (run \`pnpm codegen\` first): ${(e as Error).message}`);
  }
  const manifest = trustedDocumentsManifest(generated);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(manifest, null, 2) + "\n");
  return Object.keys(manifest).length;
}

/** The command line: `--out <file>` (default dist/trusted-documents.json). */
export function main(args: readonly string[]): number {
  const at = args.indexOf("--out");
  if (at >= 0 && !args[at + 1]) {
    console.error("--out needs a file name");
    return 2;
  }
  // pnpm runs the script in the package's folder; a relative --out is taken from where pnpm was called.
  const out = at >= 0 ? resolve(process.env.INIT_CWD ?? process.cwd(), args[at + 1]) : DEFAULT_OUT;
  try {
    const count = writeTrustedDocuments(out);
    process.stdout.write(
      `Wrote ${count} trusted documents to ${out}. Give the file to the gateway's operators (TRUSTED_DOCUMENTS) before you deploy the frontend that sends them.\n`,
    );
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

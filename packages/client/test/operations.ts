import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { buildSchema, parse, type DocumentNode, type GraphQLSchema } from "graphql";

/** The gateway's checked-in schema: the one codegen reads. */
export const SCHEMA_FILE = resolve(__dirname, "../../../apps/gateway/schema.graphql");
export const OPERATIONS_DIR = resolve(__dirname, "../src/operations");

export function schemaSdl(): string {
  return readFileSync(SCHEMA_FILE, "utf8");
}

export function loadSchema(sdl = schemaSdl()): GraphQLSchema {
  return buildSchema(sdl);
}

export interface OperationFile {
  /** e.g. "synpunkter/feedback-items.graphql" */
  file: string;
  domain: string;
  document: DocumentNode;
}

/** Every example operation file, by domain folder. */
export function operationFiles(): OperationFile[] {
  return readdirSync(OPERATIONS_DIR, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => {
      const path = join(OPERATIONS_DIR, name);
      const file = relative(OPERATIONS_DIR, path);
      return { file, domain: file.split("/")[0], document: parse(readFileSync(path, "utf8")) };
    });
}

import type { CodegenConfig } from "@graphql-codegen/cli";
import { SCALARS } from "./src/scalars";

/**
 * Types for the example operations, generated from the gateway's checked-in schema
 * (apps/gateway/schema.graphql, rewritten by `pnpm schema:print`). `pnpm codegen` writes src/gql/;
 * build and typecheck run it first, so a schema change that breaks an operation fails there.
 */
const config: CodegenConfig = {
  schema: "../../apps/gateway/schema.graphql",
  documents: ["src/operations/**/*.graphql"],
  // An operation that does not validate against the schema fails the run (and CI).
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // Each document carries its sha256 (`__meta__.hash`, what request() sends as documentId),
        // and src/gql/persisted-documents.json maps hash → text: the manifest for a gateway with
        // TRUSTED_DOCUMENTS (`pnpm trusted-documents`). sha256, not the preset's default sha1:
        // the gateway checks every entry's hash with sha256.
        persistedDocuments: { hashAlgorithm: "sha256" },
      },
      config: {
        scalars: SCALARS,
        // A new custom scalar in the schema without an entry in src/scalars.ts fails the run.
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        // Result fields are always present (null, not missing, when empty); variables that are
        // nullable or have a default may be left out.
        avoidOptionals: { field: true, object: false, inputValue: false, defaultValue: false },
        skipTypename: true,
        // Types for what the operations select (and the enums and inputs they use), not the whole schema.
        onlyOperationTypes: true,
      },
    },
  },
  // Formatted like the rest of the repository, so `pnpm format:check` passes after a build. The
  // root ignore file is named because prettier would skip src/gql/ for the package's .gitignore.
  hooks: { afterAllFileWrite: ["prettier --write --ignore-path ../../.prettierignore"] },
};

export default config;

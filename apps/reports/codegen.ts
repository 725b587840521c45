import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for the report pages' operations (src/operations/*.graphql), generated from the
 * gateway's checked-in schema like @arbetsliv/client's. `documentMode: "string"` gives each
 * operation as a typed string, so the browser bundle carries no GraphQL runtime (no `print`).
 */
const config: CodegenConfig = {
  schema: "../gateway/schema.graphql",
  documents: ["src/operations/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        scalars: {
          Money: { input: "string | number", output: "string" },
          Date: { input: "string", output: "string" },
        },
        strictScalars: false,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, object: false, inputValue: false, defaultValue: false },
        skipTypename: true,
        onlyOperationTypes: true,
      },
    },
  },
  hooks: { afterAllFileWrite: ["prettier --write --ignore-path ../../.prettierignore"] },
};

export default config;

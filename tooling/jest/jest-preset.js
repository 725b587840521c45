// Shared jest preset. @swc/jest must emit decorator metadata, or type-graphql cannot
// infer types ("Unable to infer GraphQL type from TypeScript reflection system").
const path = require("node:path");

const swcOptions = {
  jsc: {
    target: "es2022",
    parser: { syntax: "typescript", decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: "commonjs" },
  sourceMaps: "inline",
};

const root = path.resolve(__dirname, "../..");

// Every entry point of core, from its package.json "exports", mapped to its source:
// "./values" -> { types: "./dist/values.d.ts" } -> packages/core/src/values.ts.
const coreDir = path.join(root, "packages/core");
const coreEntries = Object.fromEntries(
  Object.entries(require(path.join(coreDir, "package.json")).exports).map(([subpath, target]) => [
    `^@arbetsliv/core${subpath.slice(1)}$`,
    path.join(coreDir, target.types.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, ".ts")),
  ]),
);

module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["@swc/jest", swcOptions] },
  // Tests run workspace packages from source, so a change in core is seen without a build.
  moduleNameMapper: {
    ...coreEntries,
    "^@arbetsliv/(synpunkter|ekonomiskt-bistand|relationsvald|iop|donationsfonder)$": path.join(
      root,
      "packages/$1/src/index.ts",
    ),
  },
  testMatch: [
    "<rootDir>/src/**/*.spec.ts",
    "<rootDir>/test/**/*.spec.ts",
    "<rootDir>/test/**/*.integration-spec.ts",
    "<rootDir>/test/**/*.e2e-spec.ts",
  ],
  setupFiles: [path.join(__dirname, "setup.js")],
  testTimeout: 60000,
};

// Shared flat config. Formatting is prettier's job; eslint checks correctness.
const tseslint = require("typescript-eslint");

// A domain package never imports another domain package, nor any package's internals.
const PUBLIC_ENTRY_ONLY = {
  patterns: [{ group: ["../../*/src/*", "@arbetsliv/*/src/*"], message: "Import a package through its public entry." }],
};

const base = tseslint.config(
  { ignores: ["dist/**", "coverage/**", "**/*.js"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "warn",
      "no-console": ["error", { allow: ["warn", "error"] }],
      "no-restricted-imports": ["error", PUBLIC_ENTRY_ONLY],
    },
  },
  // Command-line tools print their results.
  { files: ["src/cli/**/*.ts"], rules: { "no-console": "off" } },
);

// Resolver files map GraphQL onto a feature's service or graph declaration; they read no data
// themselves. Opt in per package (see ARCHITECTURE.md):
//   const config = require("@arbetsliv/eslint-config");
//   module.exports = [...config, ...config.resolverDataAccess];
const DATA_ACCESS = "data access belongs in the feature's service or graph declaration, not in a resolver";
const forbidden = (selector, what) => ({ selector, message: `${what}: ${DATA_ACCESS}.` });
const resolverDataAccess = tseslint.config({
  files: ["**/*.resolver.ts"],
  rules: {
    "no-restricted-syntax": [
      "error",
      forbidden("MemberExpression[property.name='ds']", "The data source (ctx.ds)"),
      forbidden("VariableDeclarator > ObjectPattern > Property[key.name='ds']", "The data source (ctx.ds)"),
      forbidden("CallExpression[callee.property.name='loader']", "A loader (.loader())"),
      forbidden("CallExpression[callee.property.name='createQueryBuilder']", "A query builder"),
      forbidden("CallExpression[callee.property.name='getRepository']", "A repository"),
      forbidden("CallExpression[callee.property.name='query']", "A raw query (.query())"),
      forbidden("MemberExpression[property.name='manager']", "An entity manager (.manager)"),
      forbidden("CallExpression[callee.name='findByKeys']", "A batched row read (findByKeys)"),
      forbidden("CallExpression[callee.name='In']", "A query operator (In from typeorm)"),
    ],
    // The TypeScript variant tells type imports (fine: entities as types) from value imports.
    "no-restricted-imports": "off",
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        ...PUBLIC_ENTRY_ONLY,
        paths: [{ name: "typeorm", allowTypeImports: true, message: `Import typeorm types only: ${DATA_ACCESS}.` }],
      },
    ],
  },
});

module.exports = base;
module.exports.resolverDataAccess = resolverDataAccess;

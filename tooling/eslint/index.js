// Shared flat config. Formatting is prettier's job; eslint checks correctness.
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/**", "coverage/**", "**/*.js"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "warn",
      "no-console": ["error", { allow: ["warn", "error"] }],
      // A domain package never imports another domain package (CONVENTIONS.md).
      "no-restricted-imports": ["error", { patterns: [{ group: ["../../*/src/*", "@arbetsliv/*/src/*"], message: "Import a package through its public entry." }] }],
    },
  },
  // Command-line tools print their results.
  { files: ["src/cli/**/*.ts"], rules: { "no-console": "off" } },
);

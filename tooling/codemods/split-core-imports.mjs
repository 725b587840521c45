#!/usr/bin/env node
// Rewrites `import { … } from "@arbetsliv/core"` (and `export { … } from`) in every .ts file under
// packages/ and apps/ into imports from the core entry point that exports each name. Core's own
// files that import its root by path (`from "../src"` in packages/core/test) get relative paths
// to the entry files instead.
//
// Which entry exports a name is computed, not listed: the entries are core's package.json
// "exports" (types path ./dist/X.d.ts -> source src/X.ts), and each entry's exports are read with
// the TypeScript checker. The root entry counts only what packages/core/src/index.ts exports
// above its "BEGIN TRANSITIONAL RE-EXPORTS" marker, so the codemod gives the final answer while
// the transitional block still exists. A name exported by several entries goes to the first in
// package.json order (the root first), so development tools (./testing) belong last there.
//
// Usage (from the repository root):
//   node tooling/codemods/split-core-imports.mjs           rewrite files in place
//   node tooling/codemods/split-core-imports.mjs --check   list the files it would change; exit 1 if any
// Type-only imports stay type-only (`import type` and inline `type` modifiers are kept).
// Exits 2 when a name is exported by no entry, or an import has a shape it cannot split
// (default or namespace import, `export *`), naming the file; those files are left unchanged.
import { readFileSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const CORE = "@arbetsliv/core";
const TRANSITIONAL_MARKER = "BEGIN TRANSITIONAL RE-EXPORTS";
const PRINT_WIDTH = 120; // .prettierrc

const args = process.argv.slice(2);
const check = args.includes("--check");
const root = resolve(args.find((a) => !a.startsWith("--")) ?? join(dirname(fileURLToPath(import.meta.url)), "../.."));
const coreDir = join(root, "packages/core");

/** Entry points in package.json order, root first: [{ specifier, file }]. */
function coreEntries() {
  const { exports } = JSON.parse(readFileSync(join(coreDir, "package.json"), "utf8"));
  const entries = Object.entries(exports).map(([subpath, target]) => ({
    specifier: CORE + subpath.slice(1),
    file: join(coreDir, target.types.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, ".ts")),
  }));
  entries.sort((a, b) => (a.specifier === CORE ? -1 : b.specifier === CORE ? 1 : 0));
  return entries.filter((entry) => {
    if (existsSync(entry.file)) return true;
    console.warn(`note: ${entry.specifier} has no source file yet (${relative(root, entry.file)}); skipped`);
    return false;
  });
}

/** Reads the root entry without its transitional block: the kernel's own exports. */
function kernelText(text) {
  const at = text.indexOf(TRANSITIONAL_MARKER);
  return at < 0 ? text : text.slice(0, text.lastIndexOf("\n", at) + 1);
}

/** name -> specifier of the first entry (package.json order) that exports it. */
function entryOfEachName(entries) {
  const rootFile = entries.find((e) => e.specifier === CORE).file;
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (resolve(file) === rootFile ? kernelText(readFile(file)) : readFile(file));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError) =>
    resolve(file) === rootFile
      ? ts.createSourceFile(file, host.readFile(file), language, true)
      : getSourceFile(file, language, onError);
  const program = ts.createProgram(
    entries.map((e) => e.file),
    options,
    host,
  );
  const checker = program.getTypeChecker();
  const owner = new Map();
  for (const entry of entries) {
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry.file));
    if (!moduleSymbol) continue; // an entry that exports nothing yet
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      if (!owner.has(symbol.name)) owner.set(symbol.name, entry.specifier);
    }
  }
  return owner;
}

function* typescriptFiles(dir) {
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    if (dirent.name === "node_modules" || dirent.name === "dist" || dirent.name.startsWith(".")) continue;
    const path = join(dir, dirent.name);
    if (dirent.isDirectory()) yield* typescriptFiles(path);
    else if (dirent.name.endsWith(".ts") && !dirent.name.endsWith(".d.ts")) yield path;
  }
}

/** `import { a, type B } from "x";`, broken over lines the way prettier does when too long. */
function declaration(keyword, typeOnly, specifiers, from, indent) {
  const head = `${keyword}${typeOnly ? " type" : ""} `;
  const oneLine = `${head}{ ${specifiers.join(", ")} } from "${from}";`;
  if (indent.length + oneLine.length <= PRINT_WIDTH) return oneLine;
  return `${head}{\n${specifiers.map((s) => `${indent}  ${s},\n`).join("")}${indent}} from "${from}";`;
}

/** The replacement text for one import/export declaration from "@arbetsliv/core", or null to keep it. */
function split(node, sourceFile, owner, problems, spell) {
  const isImport = ts.isImportDeclaration(node);
  const clause = isImport ? node.importClause : node;
  if (!clause) return null; // side-effect import
  const bindings = isImport ? clause.namedBindings : clause.exportClause;
  if ((isImport && clause.name) || !bindings || !(ts.isNamedImports(bindings) || ts.isNamedExports(bindings))) {
    problems.push(`cannot split: ${node.getText(sourceFile)}`);
    return null;
  }
  const groups = new Map(); // specifier -> source texts of its elements
  for (const element of bindings.elements) {
    const name = (element.propertyName ?? element.name).text;
    const specifier = owner.get(name);
    if (!specifier) {
      problems.push(`no entry point exports ${name}`);
      continue;
    }
    if (!groups.has(specifier)) groups.set(specifier, []);
    groups.get(specifier).push(element.getText(sourceFile));
  }
  if (groups.size === 1 && groups.has(CORE)) return null;
  const lineStart = sourceFile.text.lastIndexOf("\n", node.getStart(sourceFile)) + 1;
  const indent = /^[ \t]*/.exec(sourceFile.text.slice(lineStart))[0];
  const order = [...owner.values()].filter((s, i, all) => all.indexOf(s) === i);
  return [...groups.keys()]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((specifier) =>
      declaration(
        isImport ? "import" : "export",
        clause.isTypeOnly,
        groups.get(specifier),
        spell(specifier, node.moduleSpecifier.text),
        indent,
      ),
    )
    .join(`\n${indent}`);
}

function rewrite(path, owner) {
  const text = readFileSync(path, "utf8");
  const insideCore = !relative(coreDir, path).startsWith("..");
  if (!text.includes(`"${CORE}"`) && !insideCore) return { changed: false, problems: [] };
  // Inside core a relative import of src/index.ts is the root entry; its replacements are relative too.
  const importsRoot = (specifier) =>
    specifier === CORE ||
    (insideCore &&
      specifier.startsWith(".") &&
      [rootFile, rootFile.replace(/\.ts$/, ""), dirname(rootFile)].includes(resolve(dirname(path), specifier)));
  // How the file names an entry: by package specifier, or by path where it imported the root by path.
  const spell = (specifier, original) => {
    if (original === CORE) return specifier;
    const to = relative(dirname(path), fileOfSpecifier.get(specifier).replace(/(\/index)?\.ts$/, ""));
    return to.startsWith(".") ? to : `./${to}`;
  };
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const problems = [];
  const visit = (node) => {
    const fromCore =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      importsRoot(node.moduleSpecifier.text);
    if (fromCore) {
      const replacement = split(node, sourceFile, owner, problems, spell);
      if (replacement !== null) edits.push({ start: node.getStart(sourceFile), end: node.end, replacement });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      node.argument.literal.text === CORE
    ) {
      problems.push(`cannot split: ${node.getText(sourceFile)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (problems.length > 0) return { changed: false, problems };
  if (edits.length === 0) return { changed: false, problems };
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
  }
  if (!check) writeFileSync(path, out);
  return { changed: true, problems };
}

const entries = coreEntries();
const owner = entryOfEachName(entries);
const fileOfSpecifier = new Map(entries.map((e) => [e.specifier, e.file]));
const rootFile = fileOfSpecifier.get(CORE);
let changed = 0;
let failed = 0;
for (const top of ["packages", "apps"]) {
  for (const path of typescriptFiles(join(root, top))) {
    const result = rewrite(path, owner);
    if (result.changed) {
      changed++;
      if (check) console.log(relative(root, path));
    }
    for (const problem of result.problems) {
      failed++;
      console.error(`${relative(root, path)}: ${problem}`);
    }
  }
}
const counts = entries.map((e) => `${e.specifier} ${[...owner.values()].filter((s) => s === e.specifier).length}`);
console.log(`names per entry: ${counts.join(", ")}`);
console.log(
  `${check ? "would change" : "changed"} ${changed} file(s)${failed ? `; ${failed} problem(s), files left unchanged` : ""}`,
);
process.exit(failed ? 2 : check && changed ? 1 : 0);

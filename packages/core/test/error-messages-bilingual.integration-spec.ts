import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

/**
 * Every error a client reads has its message in English and Swedish (README, "Errors and
 * languages"): a `new ValidationError(…)`, `new ConflictError(…)` or `new DomainError(…)` whose
 * message is a plain string or template literal has no Swedish text, and is listed here with its
 * file and line. Give it `{ en, sv }` (a `Message`) instead. Spec files are left out: their
 * errors are thrown at tests, not at clients.
 */

const ROOT = resolve(__dirname, "../../..");

/** The argument holding the message, by constructor. */
const MESSAGE_ARGUMENT: Record<string, number> = { ValidationError: 2, ConflictError: 0, DomainError: 1 };

function sourceRoots(): string[] {
  const packages = readdirSync(join(ROOT, "packages")).map((name) => join(ROOT, "packages", name, "src"));
  return [...packages, join(ROOT, "apps", "gateway", "src")].filter((dir) => {
    try {
      return statSync(dir).isDirectory();
    } catch {
      return false;
    }
  });
}

function typescriptFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "dist") typescriptFiles(path, out);
    } else if (/\.tsx?$/.test(entry.name) && !/\.(spec|d)\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

function isPlainText(node: ts.Expression): boolean {
  const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
  return (
    ts.isStringLiteral(inner) ||
    ts.isNoSubstitutionTemplateLiteral(inner) ||
    ts.isTemplateExpression(inner) ||
    (ts.isBinaryExpression(inner) &&
      inner.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      (isPlainText(inner.left) || isPlainText(inner.right)))
  );
}

/** `file:line  new X(…)` for every error constructed with an English-only literal message. */
export function englishOnlyErrors(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const index = MESSAGE_ARGUMENT[node.expression.text];
        const message = index === undefined ? undefined : node.arguments?.[index];
        if (message && isPlainText(message)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          found.push(`${relative(ROOT, file)}:${line + 1}  new ${node.expression.text}(…)`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("error messages in English and Swedish", () => {
  it("finds an English-only message (the check itself)", () => {
    const probe = ts.createSourceFile(
      "probe.ts",
      'throw new ValidationError("input.x", "rule", `must be ${n}`); new ConflictError({ en: "a", sv: "b" });',
      ts.ScriptTarget.Latest,
      true,
    );
    let literal = 0;
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const arg = node.arguments?.[MESSAGE_ARGUMENT[node.expression.text]];
        if (arg && isPlainText(arg)) literal++;
      }
      ts.forEachChild(node, visit);
    };
    visit(probe);
    expect(literal).toBe(1);
  });

  it("every ValidationError, ConflictError and DomainError in packages/*/src and apps/gateway/src has a Swedish text", () => {
    const files = sourceRoots().flatMap((dir) => typescriptFiles(dir));
    expect(files.length).toBeGreaterThan(50);
    const found = englishOnlyErrors(files);
    // Listed whole, so one run names every place to fix.
    expect(found.join("\n")).toBe("");
  });
});

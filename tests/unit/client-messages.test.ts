import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every client component gets its messages from the nearest <ClientMessages namespaces={[...]}>
 * (components/client-messages.tsx), and that provider sends only the namespaces it names. This
 * reads the sources and checks the lists against what the client components really translate:
 * a missing namespace shows raw keys to visitors, an extra one ships texts nobody reads.
 *
 * The model, as Next renders it: a page's or layout's own client components are those its
 * module graph reaches through "use client" modules; a page or layout that has any must wrap
 * them in its own provider (which replaces the parent's). Error boundaries and not-found pages
 * render inside the nearest layout at or above their folder, so that layout's provider must
 * cover them too. global-error replaces the root layout and has no provider at all.
 */

const ROOT = process.cwd();
const APP_DIR = path.join(ROOT, "app");
const PROVIDER_MODULE = path.join(ROOT, "components", "client-messages.tsx");
const SEGMENT_FILES = /^(page|layout|template|default)\.tsx?$/;
const BOUNDARY_FILES = /^(error|not-found|loading|forbidden|unauthorized)\.tsx?$/;

type ModuleFacts = {
  directive: "client" | "server" | null;
  imports: string[];
  namespaces: Set<string>;
  /** Calls that cannot be checked: useTranslations() without a literal namespace, useMessages(). */
  uncheckable: string[];
  providedNamespaces: string[] | null;
  usesBareProvider: boolean;
};

const factsCache = new Map<string, ModuleFacts>();

function readFacts(file: string): ModuleFacts {
  const cached = factsCache.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const facts: ModuleFacts = { directive: readDirective(source), imports: [], namespaces: new Set(), uncheckable: [], providedNamespaces: null, usesBareProvider: false };

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !isTypeOnlyImport(node)) facts.imports.push(node.moduleSpecifier.text);
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) facts.imports.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) facts.imports.push(node.arguments[0].text);
      if (ts.isIdentifier(node.expression) && node.expression.text === "useTranslations") {
        const [argument] = node.arguments;
        if (argument && ts.isStringLiteralLike(argument)) facts.namespaces.add(argument.text);
        else facts.uncheckable.push(`${path.relative(ROOT, file)}: ${node.getText(source)}`);
      }
      if (ts.isIdentifier(node.expression) && node.expression.text === "useMessages") facts.uncheckable.push(`${path.relative(ROOT, file)}: useMessages()`);
    }
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText(source);
      if (tag === "NextIntlClientProvider") facts.usesBareProvider = true;
      if (tag === "ClientMessages") facts.providedNamespaces = [...(facts.providedNamespaces ?? []), ...readNamespacesAttribute(node, source, file)];
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  factsCache.set(file, facts);
  return facts;
}

function readDirective(source: ts.SourceFile): ModuleFacts["directive"] {
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    if (statement.expression.text === "use client") return "client";
    if (statement.expression.text === "use server") return "server";
  }
  return null;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function readNamespacesAttribute(node: ts.JsxOpeningLikeElement, source: ts.SourceFile, file: string): string[] {
  const attribute = node.attributes.properties.find((property) => ts.isJsxAttribute(property) && property.name.getText(source) === "namespaces");
  const expression = attribute && ts.isJsxAttribute(attribute) && attribute.initializer && ts.isJsxExpression(attribute.initializer) ? attribute.initializer.expression : undefined;
  if (!expression || !ts.isArrayLiteralExpression(expression) || !expression.elements.every(ts.isStringLiteral)) {
    throw new Error(`${path.relative(ROOT, file)}: <ClientMessages namespaces={[...]}> must list its namespaces as string literals`);
  }
  return expression.elements.map((element) => (element as ts.StringLiteral).text);
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

type ClientNeeds = { namespaces: Set<string>; uncheckable: string[]; clientModules: Set<string> };

/** What the client components that `entry` renders translate with (over-approximated by imports). */
function collectClientNeeds(entry: string): ClientNeeds {
  const needs: ClientNeeds = { namespaces: new Set(), uncheckable: [], clientModules: new Set() };
  const seen = new Set<string>();
  const walk = (file: string, isClient: boolean) => {
    const key = `${isClient}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const facts = readFacts(file);
    // A Server Action module imported by a client component reaches the browser as a reference only.
    if (isClient && facts.directive === "server") return;
    const isClientHere = isClient || facts.directive === "client";
    if (isClientHere) {
      needs.clientModules.add(file);
      facts.namespaces.forEach((namespace) => needs.namespaces.add(namespace));
      needs.uncheckable.push(...facts.uncheckable);
    }
    for (const specifier of facts.imports) {
      const resolved = resolveImport(file, specifier);
      if (resolved) walk(resolved, isClientHere);
    }
  };
  walk(entry, false);
  return needs;
}

function listAppFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return listAppFiles(full);
    return SEGMENT_FILES.test(entry.name) || BOUNDARY_FILES.test(entry.name) || entry.name.startsWith("global-error.") ? [full] : [];
  });
}

/** The layout whose provider a boundary file in `directory` renders under. */
function findCoveringLayout(directory: string): string | null {
  for (let current = directory; current.startsWith(APP_DIR); current = path.dirname(current)) {
    for (const name of ["layout.tsx", "layout.ts"]) {
      const layout = path.join(current, name);
      if (existsSync(layout) && readFacts(layout).providedNamespaces) return layout;
    }
  }
  return null;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The namespaces a provider must name: every one used, less those inside another used one. */
function minimalCover(namespaces: Iterable<string>): string[] {
  const all = sorted(namespaces);
  return all.filter((namespace) => !all.some((other) => namespace.startsWith(`${other}.`)));
}

function isCovered(namespace: string, provided: readonly string[]): boolean {
  return provided.some((candidate) => namespace === candidate || namespace.startsWith(`${candidate}.`));
}
const relative = (file: string) => path.relative(ROOT, file);

const appFiles = listAppFiles(APP_DIR);
const segmentFiles = appFiles.filter((file) => SEGMENT_FILES.test(path.basename(file)));
const boundaryFiles = appFiles.filter((file) => BOUNDARY_FILES.test(path.basename(file)));

/** Namespaces each providing layout must carry for the boundary files that render under it. */
const boundaryNeedsByLayout = new Map<string, Set<string>>();
for (const boundary of boundaryFiles) {
  const layout = findCoveringLayout(path.dirname(boundary));
  if (!layout) continue;
  const needs = boundaryNeedsByLayout.get(layout) ?? new Set<string>();
  collectClientNeeds(boundary).namespaces.forEach((namespace) => needs.add(namespace));
  boundaryNeedsByLayout.set(layout, needs);
}

describe("messages sent to the browser", () => {
  it("finds the pages, layouts and boundaries it checks", () => {
    expect(segmentFiles.map(relative)).toContain("app/(public)/lapor/page.tsx");
    expect(boundaryFiles.map(relative)).toContain("app/(public)/error.tsx");
  });

  it.each(segmentFiles.map(relative))("%s provides exactly the namespaces its client components use", (file) => {
    const absolute = path.join(ROOT, file);
    const own = collectClientNeeds(absolute);
    const needed = minimalCover([...own.namespaces, ...(boundaryNeedsByLayout.get(absolute) ?? [])]);
    const provided = readFacts(absolute).providedNamespaces;

    expect(own.uncheckable).toEqual([]);
    if (needed.length === 0) expect(provided, "a provider that no client component reads from").toBeNull();
    else expect(sorted(provided ?? [])).toEqual(needed);
  });

  it.each(boundaryFiles.map(relative))("%s renders under a provider that covers it", (file) => {
    const absolute = path.join(ROOT, file);
    const needs = collectClientNeeds(absolute);
    expect(needs.uncheckable).toEqual([]);
    if (needs.namespaces.size === 0) return;
    const layout = findCoveringLayout(path.dirname(absolute));
    expect(layout, "no layout above it provides messages").not.toBeNull();
    const provided = readFacts(layout!).providedNamespaces!;
    expect([...needs.namespaces].filter((namespace) => !isCovered(namespace, provided))).toEqual([]);
  });

  it("global-error, which replaces the root layout, translates without next-intl", () => {
    for (const file of appFiles.filter((candidate) => path.basename(candidate).startsWith("global-error."))) {
      expect(collectClientNeeds(file).namespaces.size, relative(file)).toBe(0);
    }
  });

  it("never renders next-intl's provider directly (it would send the whole catalogue)", () => {
    const offenders: string[] = [];
    const walk = (directory: string) => {
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx$/.test(entry.name) && full !== PROVIDER_MODULE && readFacts(full).usesBareProvider) offenders.push(relative(full));
      }
    };
    for (const directory of ["app", "components", "lib"]) walk(path.join(ROOT, directory));
    expect(offenders).toEqual([]);
  });

  it("sees a namespace that a client component several imports below a page translates with", () => {
    const needs = collectClientNeeds(path.join(ROOT, "app/(public)/lapor/page.tsx"));
    // report-flow (client) -> report-form -> evidence-picker -> use-error-message: "ReportErrors".
    expect(needs.clientModules.has(path.join(ROOT, "components/use-error-message.ts"))).toBe(true);
    expect(needs.namespaces.has("ReportErrors")).toBe(true);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "./locales";
import { DYNAMIC_KEY_PREFIXES } from "./partners";
import { NAMESPACES } from "./resources";

/**
 * Files whose every user-visible string must come from the catalogs. The list grows page by page until it covers
 * every route and component (docs/adr/1900-i18n.md); files not listed yet may still hold English.
 */
export const CONVERTED_FILES = [
  "app/routes/app.tsx",
  "app/components/billing/ddp-plan-banner.tsx",
  "app/routes/app.shipping.rate-cards.tsx",
  "app/routes/app.shipping.simulator.tsx",
  "app/routes/app.shipping.duty-rules.tsx",
  "app/routes/app.shipping.delivery-rules.tsx",
  "app/components/shipping/hs-code-warning.tsx",
  "app/components/shipping/quote-breakdown.tsx",
  "app/components/shipping/rate-card-changes.tsx",
  "app/components/shipping/rate-card-editor.tsx",
  "app/components/shipping/rate-card-list.tsx",
  "app/components/shipping/service-comparison-chart.tsx",
  "app/components/shipping/simulator-form.tsx",
  "app/components/linking/auto-match-card.tsx",
  "app/components/linking/csv-link-card.tsx",
  "app/components/linking/fulfil-via-choice.tsx",
  "app/components/linking/linked-customs-form.tsx",
  "app/components/linking/move-when-card.tsx",
  "app/components/linking/supplier-finder.tsx",
  "app/routes/app._index.tsx",
  "app/components/home/delivery-times.tsx",
  "app/components/home/orders-summary.tsx",
  "app/components/home/setup-checklist.tsx",
  "app/components/home/sync-alerts.tsx",
  "app/components/billing/usage-card.tsx",
  "app/routes/app.orders._index.tsx",
  "app/components/orders/state-badge.tsx",
  "app/routes/app.catalog._index.tsx",
  "app/components/sourcing/catalog-filters.tsx",
  "app/components/sourcing/catalog-grid.tsx",
  "app/routes/app.import-list._index.tsx",
  "app/components/sourcing/import-progress.tsx",
  "app/routes/app.shipping._index.tsx",
  "app/components/shipping/carrier-service-card.tsx",
  "app/components/shipping/checkout-reach-card.tsx",
  "app/components/shipping/fallback-rates-card.tsx",
  "app/components/shipping/settings-form.tsx",
  "app/routes/app.settings.tsx",
  "app/components/sourcing/fx-rates-card.tsx",
  "app/components/sourcing/pricing-rules-form.tsx",
  "app/components/sourcing/supplier-connections-card.tsx",
  "app/components/sourcing/sync-settings-card.tsx",
  "app/components/sourcing/sales-channels-card.tsx",
  "app/components/consolidation/connect-emulated-jd.tsx",
  "app/routes/app.jobs.tsx",
  "app/routes/app.mappings.tsx",
  "app/components/sourcing/mapping-row.tsx",
  "app/components/sourcing/sync-freshness.tsx",
  "app/routes/app.privacy._index.tsx",
  "app/components/privacy/data-request-row.tsx",
  "app/routes/app.orders.settings.tsx",
  "app/components/orders/logistic-mapping-card.tsx",
  "app/routes/app.consolidation.tsx",
  "app/components/consolidation/area-picker.tsx",
  "app/components/consolidation/forwarder-tracking-form.tsx",
  "app/routes/app.sync.tsx",
  "app/components/sourcing/sync-progress.tsx",
  "app/routes/app.plans.tsx",
  "app/components/billing/plan-offer-card.tsx",
  "app/components/billing/ddp-plan-banner.tsx",
  "app/components/home/checkout-sla.tsx",
  "app/components/home/margin-this-month.tsx",
  "app/routes/app.orders.$id.tsx",
  "app/components/orders/customs-fix-links.tsx",
  "app/components/orders/order-messages.tsx",
  "app/routes/app.catalog.$supplier.$id.tsx",
  "app/components/sourcing/variant-table.tsx",
  "app/components/sourcing/margin-chart.tsx",
  "app/components/charts/bar-chart.tsx",
  "app/routes/app.import-list.$id.tsx",
  "app/components/sourcing/import-item-form.tsx",
  "app/components/sourcing/compliance-card.tsx",
  "app/routes/app.import-list.jobs.$id.tsx",
  "app/routes/app.$.tsx",
  // Issue #19, shipping pass: rule labels, delivery rules and the service messages they show.
  "app/components/extensions/delivery-rules-form.tsx",
  "app/components/extensions/checkout-notice-card.tsx",
  "app/components/shipping/rule-text.ts",
  "app/server/shipping/engine/duties/rule-catalog.ts",
  "app/server/shipping/simulator.server.ts",
  "app/server/extensions/delivery-rules/delivery-rules.server.ts",
  "app/server/shipping/rate-cards.server.ts",
  "app/server/shipping/engine/validate-card.ts",
  "app/server/shipping/engine/csv/parse-values.ts",
  "app/server/shipping/engine/csv/parse-rate-card-csv.ts",
  "app/server/shipping/engine/card-diff.ts",
  "app/server/shipping/checkout-reach/reach.server.ts",
  "app/server/shipping/carrier-service/registration.server.ts",
  "app/server/shipping/fallback-rates/fallback-rates.server.ts",
  "app/server/shipping/fallback-rates/titles.ts",
  "app/server/shipping/settings.server.ts",
  "app/server/shipping/duty-overrides.ts",
  "app/server/billing/entitlements.server.ts",
];

const ROOT = join(__dirname, "../..");
const LOCALES_DIR = join(ROOT, "app/locales");

type Catalog = { [key: string]: string | Catalog };
const flatten = (catalog: Catalog, prefix = ""): Record<string, string> =>
  Object.entries(catalog).reduce<Record<string, string>>((flat, [key, value]) => (typeof value === "string"
    ? { ...flat, [prefix + key]: value }
    : { ...flat, ...flatten(value, `${prefix}${key}.`) }), {});
const catalog = (locale: string, ns: string) => flatten(JSON.parse(readFileSync(join(LOCALES_DIR, locale, `${ns}.json`), "utf8")) as Catalog);

/** The argument names an ICU message uses ({name}, {count, plural, …}, nested inside plural/select branches). */
function icuArguments(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const el of elements as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      if (el.type >= 1 && el.type <= 6 && typeof el.value === "string") names.add(el.value);
      if (el.options) Object.values(el.options).forEach((option) => walk(option.value));
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

describe("the message catalogs", () => {
  it("register one file per namespace and locale, and nothing else", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const files = readdirSync(join(LOCALES_DIR, locale)).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files, locale).toEqual([...NAMESPACES].sort());
    }
  });

  it("have every key in every locale, with the same ICU arguments, and every message parses", () => {
    const problems: string[] = [];
    for (const ns of NAMESPACES) {
      const en = catalog("en", ns);
      for (const locale of SUPPORTED_LOCALES) {
        const other = catalog(locale, ns);
        for (const key of Object.keys(en)) if (!(key in other)) problems.push(`${locale} ${ns}:${key} missing`);
        for (const key of Object.keys(other)) if (!(key in en)) problems.push(`${locale} ${ns}:${key} not in en`);
        for (const [key, message] of Object.entries(other)) {
          try {
            const args = icuArguments(message, locale);
            if (key in en && args.join() !== icuArguments(en[key]!, "en").join()) problems.push(`${locale} ${ns}:${key} arguments ${args} differ from en`);
          } catch (error) {
            problems.push(`${locale} ${ns}:${key} does not parse: ${(error as Error).message}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("hold no unused key: every key is referenced from source, literally or under a declared computed prefix", () => {
    const sources = sourceFiles(join(ROOT, "app")).map((path) => readFileSync(path, "utf8"));
    const literals = new Set<string>();
    const prefixes = new Set<string>(DYNAMIC_KEY_PREFIXES);
    for (const text of sources) {
      const namespaces = new Set(["common", ...[...text.matchAll(/useT\("([\w-]+)"\)/g)].map((m) => m[1]!)]);
      for (const m of text.matchAll(/["'`]([\w-]+:)?([\w.-]+)["'`]/g)) {
        if (m[1]) literals.add(`${m[1]}${m[2]}`);
        else for (const ns of namespaces) literals.add(`${ns}:${m[2]}`);
      }
      for (const m of text.matchAll(/`([\w-]+:)?([\w.-]*\.)\$\{/g)) {
        if (m[1]) prefixes.add(`${m[1]}${m[2]}`);
        else for (const ns of namespaces) prefixes.add(`${ns}:${m[2]}`);
      }
    }
    const unused = NAMESPACES.flatMap((ns) => Object.keys(catalog("en", ns)).map((key) => `${ns}:${key}`))
      .filter((key) => !literals.has(key) && ![...prefixes].some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });
});

// Props and object properties Polaris shows to the merchant.
const VISIBLE_PROPS = new Set(["title", "subtitle", "label", "content", "helpText", "placeholder", "heading", "message", "accessibilityLabel", "aria-label", "alt", "emptyState", "prefix", "suffix", "error", "summary", "titleMetadata", "backAction", "labelHidden", "badge", "tooltip", "description"]);
// A namespaced catalog key ("messages:settings.amount") handed to a page to translate is not English.
const hasWords = (text: string) => /[A-Za-z]{2,}/.test(text) && !/^[\w-]+:[\w.-]+$/.test(text);
const isProse = (text: string) => !/^\s*(\/|https?:|#|\.)/.test(text) && /[A-Za-z]{2,}[,.:;!?]?\s+[A-Za-z]{2,}/.test(text);

/** Literal English a converted file would render: JSX text, visible props, and prose anywhere outside t() calls. */
export function literalEnglish(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const ignored = (node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
    return /i18n-ignore/.test(text.split("\n")[line] ?? "") || /i18n-ignore/.test(text.split("\n")[line - 1] ?? "");
  };
  const report = (node: ts.Node, what: string) => {
    if (!ignored(node)) found.push(`${relative(ROOT, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}`);
  };
  const stringText = (node: ts.Node): string | null => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
    return null;
  };
  const visit = (node: ts.Node, inTranslation: boolean) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(source);
      // Arguments to t(), i18n helpers, and non-visible plumbing (errors thrown to logs, Response bodies for machines).
      if (/^(t|i18n\.t|useT|useTranslation|supplierName|carrierName|warehouseName|console\.\w+|new Error|Error|Response|redirect)$/.test(callee)) {
        node.arguments.forEach((arg) => visit(arg, true));
        visit(node.expression, inTranslation);
        return;
      }
    }
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, `JSX text "${node.text.trim()}"`);
    const value = inTranslation ? null : stringText(node);
    if (value !== null && hasWords(value)) {
      // Climb through `a ? "x" : "y"`, `a || "x"`, `("x")`, `"x" as T` to where the string ends up.
      let at: ts.Node = node;
      const LOGICAL = [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken];
      const passesThrough = (p: ts.Node, child: ts.Node) =>
        (ts.isConditionalExpression(p) && p.condition !== child) || (ts.isBinaryExpression(p) && LOGICAL.includes(p.operatorToken.kind)) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p);
      while (passesThrough(at.parent, at)) at = at.parent;
      const parent = at.parent;
      const attribute = ts.isJsxAttribute(parent) ? parent : ts.isJsxExpression(parent) && ts.isJsxAttribute(parent.parent) ? parent.parent : null;
      if (attribute) {
        if (VISIBLE_PROPS.has(attribute.name.getText(source))) report(node, `${attribute.name.getText(source)}="${value}"`);
      } else if (ts.isJsxExpression(parent)) {
        report(node, `{"${value}"}`);
      } else if (ts.isPropertyAssignment(parent) && parent.initializer === at && VISIBLE_PROPS.has(parent.name.getText(source).replace(/["']/g, ""))) {
        report(node, `${parent.name.getText(source)}: "${value}"`);
      } else if (isProse(value)) {
        report(node, `"${value}"`);
      }
      return;
    }
    ts.forEachChild(node, (child) => visit(child, inTranslation));
  };
  visit(source, false);
  return found;
}

describe("converted pages", () => {
  it("render no literal English: every visible string comes from the catalogs", () => {
    const found = CONVERTED_FILES.flatMap((file) => literalEnglish(join(ROOT, file), readFileSync(join(ROOT, file), "utf8")));
    expect(found).toEqual([]);
  });

  it("the scan finds English in JSX text, visible props, action objects, action replies and prose constants", () => {
    const sample = `
      const ROWS = [["a", "Needs attention"]];
      export const action = async () => json({ ok: true, message: "Settings saved." });
      export const X = () => <Page title="Orders" subtitle={\`Welcome, \${shop}\`}><Banner action={{ content: "Review" }}>Check this</Banner>{ok ? "Done" : null}{t("fine")}</Page>;
    `;
    expect(literalEnglish(join(ROOT, "sample.tsx"), sample)).toHaveLength(7);
    expect(literalEnglish(join(ROOT, "sample.tsx"), `export const X = () => <Page title={t("orders.title")}>{t("x", { name: "Some Name" })}</Page>;`)).toEqual([]);
  });
});

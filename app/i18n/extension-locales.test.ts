import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Extensions keep Shopify's extension locale format (locales/en.default.json + <locale>.json, {{name}} placeholders,
// https://shopify.dev/docs/apps/build/localize-your-app) under the app catalogs' rules (docs/adr/1900-i18n.md).
const EXTENSIONS = join(__dirname, "../../extensions");
const LOCALE_FILES = ["en.default.json", "zh-CN.json"];
// A theme app extension also translates its block schema (names, setting labels) in <locale>.schema.json files,
// referenced as "t:key" from the block's {% schema %} (https://shopify.dev/docs/storefronts/themes/architecture/locales).
const SCHEMA_FILES = ["en.default.schema.json", "zh-CN.schema.json"];
const readCatalog = (ext: string, file: string) => flatten(JSON.parse(readFileSync(join(EXTENSIONS, ext, "locales", file), "utf8")) as Catalog);
const hasSchemaLocales = (ext: string) => existsSync(join(EXTENSIONS, ext, "locales", SCHEMA_FILES[0]!));

type Catalog = { [key: string]: string | Catalog };
const flatten = (catalog: Catalog, prefix = ""): Record<string, string> =>
  Object.entries(catalog).reduce<Record<string, string>>((flat, [key, value]) => (typeof value === "string"
    ? { ...flat, [prefix + key]: value }
    : { ...flat, ...flatten(value, `${prefix}${key}.`) }), {});
// {{name}} in Shopify's extension format; {name} where the theme block's own script fills the text in.
const placeholders = (text: string) => [...text.matchAll(/\{\{?\s*(\w+)\s*\}\}?/g)].map((m) => m[1]).sort().join();

const extensions = readdirSync(EXTENSIONS, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(EXTENSIONS, e.name, "locales")))
  .map((e) => e.name);

function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true }).map((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|js|tsx|jsx|toml|liquid)$/.test(e.name) && !/\.test\./.test(e.name) ? readFileSync(path, "utf8") : "";
  }).join("\n");
}

describe("extension locale files", () => {
  it("exist for every extension that has locales", () => {
    expect(extensions.length).toBeGreaterThan(0);
    for (const ext of extensions) {
      const expected = [...LOCALE_FILES, ...(hasSchemaLocales(ext) ? SCHEMA_FILES : [])];
      expect(readdirSync(join(EXTENSIONS, ext, "locales")).sort(), ext).toEqual(expected.sort());
    }
  });

  it.each(extensions)("%s: every locale has the same keys with the same placeholders", (ext) => {
    for (const files of [LOCALE_FILES, ...(hasSchemaLocales(ext) ? [SCHEMA_FILES] : [])]) {
      const [en, ...others] = files.map((f) => readCatalog(ext, f));
      for (const other of others) {
        expect(Object.keys(other).sort()).toEqual(Object.keys(en!).sort());
        for (const [key, text] of Object.entries(en!)) expect(placeholders(other[key] ?? ""), `${ext} ${key}`).toBe(placeholders(text));
      }
    }
  });

  it.each(extensions)("%s: every key is used and every used key exists", (ext) => {
    const schema = hasSchemaLocales(ext);
    const en = { ...readCatalog(ext, "en.default.json"), ...(schema ? readCatalog(ext, SCHEMA_FILES[0]!) : {}) };
    const text = sources(join(EXTENSIONS, ext));
    const literal = new Set([
      ...text.matchAll(/\bt\(\s*["']([\w.-]+)["']/g), // t("key")
      ...text.matchAll(/"t:([\w.-]+)"/g), // "t:key" in TOML or a block schema
      ...text.matchAll(/['"]([\w.-]+)['"]\s*\|\s*t\b/g), // {{ 'key' | t }} in Liquid
    ].map((m) => m[1]!));
    // t(condition ? "a" : "b")
    for (const m of text.matchAll(/\bt\([^()]*\?\s*["']([\w.-]+)["']\s*:\s*["']([\w.-]+)["']\s*\)/g)) [m[1]!, m[2]!].forEach((k) => literal.add(k));
    const prefixes = [...text.matchAll(/\b(?:t|translate)\(\s*`([\w.-]+\.)\$\{/g)].map((m) => m[1]!);
    expect([...literal].filter((key) => !(key in en)), "used but missing").toEqual([]);
    expect(Object.keys(en).filter((key) => !literal.has(key) && !prefixes.some((p) => key.startsWith(p))), "unused").toEqual([]);
  });
});

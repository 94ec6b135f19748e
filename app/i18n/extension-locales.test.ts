import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Extensions keep Shopify's extension locale format (locales/en.default.json + <locale>.json, {{name}} placeholders,
// https://shopify.dev/docs/apps/build/localize-your-app) under the app catalogs' rules (docs/adr/1900-i18n.md).
const EXTENSIONS = join(__dirname, "../../extensions");
const LOCALE_FILES = ["en.default.json", "zh-CN.json"];

type Catalog = { [key: string]: string | Catalog };
const flatten = (catalog: Catalog, prefix = ""): Record<string, string> =>
  Object.entries(catalog).reduce<Record<string, string>>((flat, [key, value]) => (typeof value === "string"
    ? { ...flat, [prefix + key]: value }
    : { ...flat, ...flatten(value, `${prefix}${key}.`) }), {});
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join();

const extensions = readdirSync(EXTENSIONS, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(EXTENSIONS, e.name, "locales")))
  .map((e) => e.name);

function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true }).map((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|js|tsx|jsx|toml)$/.test(e.name) && !/\.test\./.test(e.name) ? readFileSync(path, "utf8") : "";
  }).join("\n");
}

describe("extension locale files", () => {
  it("exist for every extension that has locales", () => {
    expect(extensions.length).toBeGreaterThan(0);
    for (const ext of extensions) expect(readdirSync(join(EXTENSIONS, ext, "locales")).sort(), ext).toEqual([...LOCALE_FILES].sort());
  });

  it.each(extensions)("%s: every locale has the same keys with the same {{placeholders}}", (ext) => {
    const [en, ...others] = LOCALE_FILES.map((f) => flatten(JSON.parse(readFileSync(join(EXTENSIONS, ext, "locales", f), "utf8")) as Catalog));
    for (const other of others) {
      expect(Object.keys(other).sort()).toEqual(Object.keys(en!).sort());
      for (const [key, text] of Object.entries(en!)) expect(placeholders(other[key] ?? ""), `${ext} ${key}`).toBe(placeholders(text));
    }
  });

  it.each(extensions)("%s: every key is used and every used key exists", (ext) => {
    const en = flatten(JSON.parse(readFileSync(join(EXTENSIONS, ext, "locales", "en.default.json"), "utf8")) as Catalog);
    const text = sources(join(EXTENSIONS, ext));
    const literal = new Set([...text.matchAll(/\bt\(\s*["']([\w.-]+)["']/g), ...text.matchAll(/"t:([\w.-]+)"/g)].map((m) => m[1]!));
    const prefixes = [...text.matchAll(/\b(?:t|translate)\(\s*`([\w.-]+\.)\$\{/g)].map((m) => m[1]!);
    expect([...literal].filter((key) => !(key in en)), "used but missing").toEqual([]);
    expect(Object.keys(en).filter((key) => !literal.has(key) && !prefixes.some((p) => key.startsWith(p))), "unused").toEqual([]);
  });
});

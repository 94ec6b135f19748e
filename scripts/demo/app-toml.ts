import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * shopify.app.toml as the emulator's TOML subset can read it. Its parser does not know multi-line basic
 * strings (the `scopes = """…"""` block), so they are folded into one-line strings in a copy under .data/;
 * webhook subscriptions and scopes then come from the real file.
 */
export function emulatorReadableAppToml(): string {
  const source = fs.readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8");
  const folded = source.replace(/"""\n?([\s\S]*?)"""/g, (_, body: string) => JSON.stringify(body.replace(/\\\n\s*/g, "").trim()));
  const target = path.join(ROOT, ".data", `app-toml-for-emulator-${process.pid}.toml`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, folded);
  return target;
}

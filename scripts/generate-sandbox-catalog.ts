// Generates the sandbox catalog from a seed. The app builds the same catalog in memory at startup;
// this script exists to inspect it, to export it, and to time generation at benchmark sizes.
//   npx tsx scripts/generate-sandbox-catalog.ts --count 2000 --seed 20261122 [--out catalog.ndjson] [--sample 3]
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_SANDBOX_SEED, generateCatalog } from "../app/server/suppliers/sandbox/catalog/catalog-generator";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "2000" },
    seed: { type: "string", default: String(DEFAULT_SANDBOX_SEED) },
    out: { type: "string" },
    sample: { type: "string", default: "0" },
  },
});

const count = Number(values.count);
const seed = Number(values.seed);
const started = performance.now();
const products = generateCatalog(seed, count);
const ms = performance.now() - started;

const byCategory = new Map<string, number>();
const hazards = { battery: 0, liquid: 0, magnet: 0, powder: 0 };
let variants = 0;
for (const p of products) {
  byCategory.set(p.category, (byCategory.get(p.category) ?? 0) + 1);
  variants += p.variants.length;
  for (const k of Object.keys(hazards) as (keyof typeof hazards)[]) if (p.hazards[k]) hazards[k] += 1;
}

console.log(`generated ${count} products (${variants} variants) from seed ${seed} in ${ms.toFixed(0)} ms`);
console.log("by category:", Object.fromEntries(byCategory));
console.log("hazard flags:", hazards);
for (const p of products.slice(0, Number(values.sample))) console.log(JSON.stringify(p));

if (values.out) {
  const out = createWriteStream(values.out);
  for (const p of products) out.write(JSON.stringify(p) + "\n");
  out.end(() => console.log(`wrote ${values.out}`));
}

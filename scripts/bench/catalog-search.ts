// Search latency on a large sandbox catalog:  npx tsx scripts/bench/catalog-search.ts [--products 100000] [--queries 400]
import { parseArgs } from "node:util";
import { DEFAULT_SANDBOX_SEED, generateCatalog } from "../../app/server/suppliers/sandbox/catalog/catalog-generator";
import { buildSearchIndex, type SandboxSearchQuery } from "../../app/server/suppliers/sandbox/catalog/search-index";
import { createRandom } from "../../app/server/suppliers/sandbox/catalog/prng";

const { values } = parseArgs({ options: { products: { type: "string", default: "100000" }, queries: { type: "string", default: "400" } } });
const count = Number(values.products);

let t = performance.now();
const products = generateCatalog(DEFAULT_SANDBOX_SEED, count);
const generateMs = performance.now() - t;
t = performance.now();
const index = buildSearchIndex(products);
const indexMs = performance.now() - t;

const EN = ["phone case", "power bank", "wireless earbuds", "black hoodie", "yoga leggings", "camping tent", "led", "magnetic",
  "water bottle", "plush toy", "perfume", "serum", "blue", "mini", "charger 65w", "sleeping bag", "puzzle", "cap"];
const ZH = ["充电宝", "手机壳", "耳机", "连衣裙", "保温杯", "帐篷", "积木", "香水", "口红", "头灯", "毛绒玩具", "数据线", "黑色"];
const rng = createRandom(7);
const queries: SandboxSearchQuery[] = Array.from({ length: Number(values.queries) }, (_, i) => {
  const kind = i % 4; // EN, ZH, filter-only, EN+filters
  return {
    keyword: kind === 0 || kind === 3 ? rng.pick(EN) : kind === 1 ? rng.pick(ZH) : undefined,
    category: kind >= 2 && rng.chance(0.7) ? rng.pick(["phone-accessories", "beauty", "apparel", "home-kitchen", "outdoor", "toys"]) : undefined,
    warehouse: kind >= 2 && rng.chance(0.5) ? rng.pick(["CN-GZ", "CN-SZ", "CN-YW", "US", "DE", "UK"]) : undefined,
    inStockOnly: rng.chance(0.5),
    minCostFen: kind >= 2 && rng.chance(0.4) ? rng.int(0, 50) * 100 : undefined,
    maxCostFen: kind >= 2 && rng.chance(0.4) ? rng.int(60, 500) * 100 : undefined,
    sort: rng.pick(["relevance", "price_asc", "price_desc", "newest"] as const),
    page: rng.int(1, 3),
    pageSize: 20,
  };
});

for (const q of queries.slice(0, 20)) index.search(q); // warm-up
const times: number[] = [];
let hits = 0;
for (const q of queries) {
  const start = performance.now();
  hits += index.search(q).total;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
console.log(`catalog: ${count} products, generated in ${generateMs.toFixed(0)} ms, indexed in ${indexMs.toFixed(0)} ms (${index.tokenCount} tokens)`);
console.log(`${queries.length} mixed EN/ZH/filter queries: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${times.at(-1)!.toFixed(2)} ms (avg ${(hits / queries.length).toFixed(0)} hits)`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);

/**
 * Micro-benchmark of the pure rate engine: quotes a 5-line cart (mixed flags, HS codes, dimensions) to the EU
 * with the sample context. Run: npx tsx scripts/bench/rate-engine.ts [iterations]
 * Reports throughput and per-call latency percentiles; compare runs as ratios, not absolute numbers.
 */
import { performance } from "node:perf_hooks";
import { buildDefaultRateContext, quoteRates, type RateRequestInput } from "../../app/server/shipping/engine";

const iterations = Number(process.argv[2] ?? 20_000);
const context = buildDefaultRateContext({ now: new Date("2026-11-24T01:00:00Z") });

const cart: RateRequestInput = {
  origin: { country: "CN", postal_code: "518000", province: "GD", city: "Shenzhen" },
  destination: { country: "DE", postal_code: "10115", province: "BE", city: "Berlin" },
  currency: "EUR",
  items: [
    { sku: "TEE-1", variantId: "1", quantity: 2, grams: 180, priceMinor: 12_99, supplier: { hsCode: "610910", dimensionsCm: { length: 25, width: 20, height: 2 } } },
    { sku: "MUG-1", variantId: "2", quantity: 1, grams: 420, priceMinor: 9_50, supplier: { hsCode: "691200", dimensionsCm: { length: 12, width: 12, height: 10 } } },
    { sku: "PWR-1", variantId: "3", quantity: 1, grams: 260, priceMinor: 24_00, supplier: { hsCode: "850760", flags: { battery: true } } },
    { sku: "LIP-1", variantId: "4", quantity: 3, grams: 40, priceMinor: 6_00, supplier: { hsCode: "330410", flags: { cosmetic: true } } },
    { sku: "MAG-1", variantId: "5", quantity: 1, grams: 90, priceMinor: 4_99, supplier: { hsCode: "850519", flags: { magnet: true } } },
  ],
};

function run(count: number): { quotes: number; micros: Float64Array; wallMs: number } {
  const micros = new Float64Array(count);
  let quotes = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    quotes += quoteRates(cart, context).quotes.length;
    micros[i] = (performance.now() - t0) * 1000;
  }
  return { quotes, micros, wallMs: performance.now() - start };
}

run(Math.min(2000, iterations)); // warm-up: let the JIT settle
const { quotes, micros, wallMs } = run(iterations);
const sorted = Array.from(micros).sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
const requestsPerSecond = (iterations / wallMs) * 1000;

console.log(`rate-engine: ${iterations} requests, 5-line cart to DE, ${quotes / iterations} quotes per request`);
console.log(`  requests/s ${requestsPerSecond.toFixed(0)}   quotes/s ${((quotes / wallMs) * 1000).toFixed(0)}`);
console.log(`  µs per request: p50 ${pct(50)}  p90 ${pct(90)}  p99 ${pct(99)}  max ${sorted.at(-1)!.toFixed(1)}`);
console.log(`  µs per quote (p99 request / quotes): ${(Number(pct(99)) / (quotes / iterations)).toFixed(1)}`);

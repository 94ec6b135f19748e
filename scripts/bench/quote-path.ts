/**
 * The quote path without HTTP: answerRawRateRequest called in-process on the carrier-service bench's shop
 * (.data/bench-carrier.db, seeded by scripts/bench/carrier-service.ts), distinct 5-line carts (quote-cache misses)
 * and one repeated cart (hits), in µs per answer. For profiling the engine and glue apart from node:http:
 * BENCH_CPU_PROF=1 writes a CPU profile of the distinct loop only to .data/profiles/quote-path.cpuprofile
 * (read it with scripts/bench/cpu-profile-top.ts). Compare runs as ratios; the machine is shared.
 *
 * Run: npx tsx scripts/bench/quote-path.ts   (N=30000 answers per loop; BENCH_WARM=60000 for the steady state)
 */
import crypto from "node:crypto";
const SHOP = "bench-carrier.myshopify.com"; const SECRET = "bench-carrier-secret";
Object.assign(process.env, { NODE_ENV: "production", SILKROUTE_MODE: "test", DATABASE_URL: "file:./.data/bench-carrier.db", SHOPIFY_API_KEY: "bench-carrier-key", SHOPIFY_API_SECRET: SECRET, SHOPIFY_APP_URL: "http://127.0.0.1:3999", SILKROUTE_ENCRYPTION_KEYS: "k1:" + Buffer.alloc(32, 7).toString("base64") });
const { answerRawRateRequest } = await import("../../app/server/shipping/carrier-service/rates.server");
const NO = { name: null, address1: null, address2: null, address3: null, phone: null, fax: null, email: null, address_type: null, company_name: null };
const ORIGIN = { country: "CN", postal_code: "518000", province: "GD", city: "Shenzhen", ...NO };
const D = [{ country: "DE", postal_code: "10115", province: "BE", city: "Berlin", currency: "EUR" }, { country: "US", postal_code: "94103", province: "CA", city: "San Francisco", currency: "USD" }, { country: "GB", postal_code: "SW1A 1AA", province: null, city: "London", currency: "GBP" }, { country: "JP", postal_code: "100-0001", province: "13", city: "Tokyo", currency: "JPY" }];
const F = 7_000_000_000;
const line = (n: number, q: number, g: number, p: number) => ({ name: `Bench item ${n}`, sku: `BENCH-${n}`, quantity: q, grams: g, price: p, vendor: "Bench", requires_shipping: true, taxable: true, fulfillment_service: "manual", properties: null, product_id: F + n + 1_000_000, variant_id: F + n });
let serial = 0;
function cpuMicros(u: NodeJS.CpuUsage): number { return u.user + u.system; }
function body() { const { currency, ...d } = D[crypto.randomInt(D.length)]!; const s = new Set<number>(); while (s.size < 5) s.add(crypto.randomInt(100000)); const items = [...s].map((n, i) => line(n, 1 + crypto.randomInt(3), 50 + (n % 400), i === 4 ? 100_000 + serial++ : 300 + (n % 5000))); return Buffer.from(JSON.stringify({ rate: { origin: ORIGIN, destination: { ...d, ...NO }, items, currency, locale: "en" } })); }
const req = (b: Buffer) => ({ body: b, shopHeader: SHOP, hmacHeader: crypto.createHmac("sha256", SECRET).update(b).digest("base64") });
for (let i = 0; i < 20; i++) { await answerRawRateRequest(req(body())); await new Promise((r) => setTimeout(r, 200)); }
const N = Number(process.env.N ?? 30000);
const reqs = Array.from({ length: N }, () => req(body()));
const fixed = req(body()); await answerRawRateRequest(fixed);
// BENCH_WARM=<n>: n distinct answers first, untimed: the JIT, the memos (flags, HS codes, duty rules) and the quote
// cache's per-shop set at its cap, as in a busy shop's steady state, so the timed loop also pays for dropping answers.
for (let i = 0, warm = Number(process.env.BENCH_WARM ?? 0); i < warm; i++) await answerRawRateRequest(req(body()));
const { Session } = await import("node:inspector/promises");
const fs = await import("node:fs");
const session = process.env.BENCH_CPU_PROF ? new Session() : null;
if (session) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
}
// CPU time beside wall time: on the shared machine other processes stretch wall time, much less this process's CPU.
let t = performance.now();
let cpu = process.cpuUsage();
for (const r of reqs) { const a = await answerRawRateRequest(r); if (a.status !== 200) throw new Error(a.body); }
const distinct = (performance.now() - t) * 1000 / N;
const distinctCpu = cpuMicros(process.cpuUsage(cpu)) / N;
if (session) {
  const { profile } = await session.post("Profiler.stop");
  fs.mkdirSync(".data/profiles", { recursive: true });
  fs.writeFileSync(".data/profiles/quote-path.cpuprofile", JSON.stringify(profile));
}
t = performance.now();
cpu = process.cpuUsage();
for (let i = 0; i < N; i++) await answerRawRateRequest(fixed);
const repeat = (performance.now() - t) * 1000 / N;
const repeatCpu = cpuMicros(process.cpuUsage(cpu)) / N;
console.log(`quote-path: distinct ${distinct.toFixed(1)} µs/req (cpu ${distinctCpu.toFixed(1)}), repeat ${repeat.toFixed(1)} µs/req (cpu ${repeatCpu.toFixed(1)})`);
process.exit(0);

/**
 * The callback's in-memory path for a distinct cart, step by step: each step of `answerInMemory` (rates.server.ts)
 * timed in turn over the same distinct carts of the carrier-service bench's shop (.data/bench-carrier.db, seeded by
 * scripts/bench/carrier-service.ts), in µs per cart. The steps run interleaved as in the server, so each costs what it
 * costs there (about twice its cost alone in a tight loop: the steps evict each other's code and data). For finding
 * where a distinct answer's time goes (ADR 0720, "Fourteenth round"); quote-path.ts measures the whole.
 *
 * Run: npx tsx scripts/bench/quote-stages.ts   (N=20000 carts, 3 rounds; compare steps within one run)
 */
import crypto from "node:crypto";
import { CARRIER_BENCH, carrierBenchEnv, distinctCartBody, signature } from "./carts";

Object.assign(process.env, carrierBenchEnv());
const { answerRawRateRequest } = await import("../../app/server/shipping/carrier-service/rates.server");
const { parseJsonBody } = await import("../../app/server/shipping/carrier-service/payload");
const { callbackCart, withSuppliers } = await import("../../app/server/shipping/carrier-service/callback-request");
const { ratesAnswer } = await import("../../app/server/shipping/carrier-service/responses");
const { quoteValidRequest, toCarrierServiceResponse } = await import("../../app/server/shipping/engine");
const { mappingsInMemory } = await import("../../app/server/shipping/mapping-cache.server");
const { loadedShopRateContext } = await import("../../app/server/shipping/shop-rate-context.server");
const { cachedFxTable } = await import("../../app/server/fx/fx-rates.server");

const shop = CARRIER_BENCH.shop;
let serial = 0;
const cart = () => Buffer.from(distinctCartBody(serial++));
const signed = (body: Buffer) => ({ body, shopHeader: shop, hmacHeader: signature(body) });
// Warm as quote-path.ts does: the shop verified, its context and table loaded, the JIT and memos in their steady state.
for (let i = 0; i < 20; i++) { await answerRawRateRequest(signed(cart())); await new Promise((r) => setTimeout(r, 200)); }
for (let i = 0; i < 30_000; i++) await answerRawRateRequest(signed(cart()));

const N = Number(process.env.N ?? 20_000);
const bodies = Array.from({ length: N }, cart);
const at = new Date();
const context = loadedShopRateContext(shop, at.getTime());
if (!context) throw new Error("the bench shop's rate context is not loaded: seed it with scripts/bench/carrier-service.ts");
const source = cachedFxTable();
const rateContext = { engine: context.engine, merchantRules: context.merchantRules, fx: { base: source.base, rates: source.rates, asOf: source.effectiveDate }, now: at };
const secret = crypto.createSecretKey(Buffer.from(CARRIER_BENCH.secret));

const spent = new Map<string, number>();
function step<T>(name: string, run: () => T): T {
  const started = performance.now();
  const out = run();
  spent.set(name, (spent.get(name) ?? 0) + performance.now() - started);
  return out;
}

for (let round = 1; round <= 3; round++) {
  spent.clear();
  for (const body of bodies) {
    step("hmac", () => crypto.createHmac("sha256", secret).update(body).digest());
    const json = step("JSON.parse", () => parseJsonBody(body.toString("utf8")));
    const checkedCart = step("callbackCart", () => callbackCart(json));
    if (!checkedCart) throw new Error("a bench cart was not plainly valid");
    const mappings = step("mappingsInMemory", () => mappingsInMemory(shop, checkedCart.keys, at.getTime()));
    if (!mappings) throw new Error("a bench cart's mappings were not in memory");
    const request = step("withSuppliers", () => withSuppliers(checkedCart, mappings, context.defaultBox));
    if (!request) throw new Error("a bench cart's supplier data was refused");
    const result = step("quoteValidRequest", () => quoteValidRequest(request, rateContext));
    step("answer JSON", () => ratesAnswer(toCarrierServiceResponse(result.quotes).rates));
  }
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  console.log(`round ${round}: ${[...spent].map(([name, ms]) => `${name} ${((ms * 1000) / N).toFixed(1)}`).join(" | ")} | total ${((total * 1000) / N).toFixed(1)} µs`);
}
process.exit(0);

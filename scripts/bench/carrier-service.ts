/**
 * Benchmark of the CarrierService callback. Three servers in one child process:
 *   - remix:  the real Remix build (`build/index.js`) through createRequestHandler (@remix-run/node) behind a
 *             small node:http adapter: remix-serve's request path minus Express (not installed). This is the goal's subject.
 *   - action: the route's action behind the same adapter, to show how much of the cost is Remix itself.
 *   - bare:   plain node:http writing the callback's answer bytes, the baseline.
 * autocannon runs in this parent process, so it does not share the servers' event loop, and measures
 *   1. throughput at saturation (32 connections), as a ratio to bare (goal ≥ 0.5 × bare);
 *   2. latency at a fixed 1,000 requests/s (goal p99 ≤ 20 ms).
 * The cart has 5 lines whose variants are among 100,000 seeded VariantMappings of one shop (seeded once into
 * .data/bench-carrier.db, reused by later runs). Requests are HMAC-signed, so verification is measured too.
 *
 * Run: npx tsx scripts/bench/carrier-service.ts   (builds first if build/index.js is missing; ~50 s, BENCH_SECONDS=6 per phase)
 * Compare runs as ratios, not absolute numbers; the load average printed with the results says how busy the machine was.
 */
import { fork, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHOP = "bench-carrier.myshopify.com";
const SECRET = "bench-carrier-secret";
const MAPPINGS = 100_000;
const FIRST_VARIANT = 7_000_000_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production", SILKROUTE_MODE: "production", DATABASE_URL: "file:./.data/bench-carrier.db",
  SHOPIFY_API_KEY: "bench-carrier-key", SHOPIFY_API_SECRET: SECRET, SHOPIFY_APP_URL: "http://127.0.0.1:3999",
  SILKROUTE_ENCRYPTION_KEYS: "k1:" + Buffer.alloc(32, 7).toString("base64"),
};

/** The 5-line cart: supplier data (weights, sizes, battery/cosmetic flags, stock) comes from the mappings. */
function cartBody(): string {
  const line = (n: number, quantity: number, grams: number, price: number) => ({
    name: `Bench item ${n}`, sku: `BENCH-${n}`, quantity, grams, price, vendor: "Bench", requires_shipping: true, taxable: true,
    fulfillment_service: "manual", properties: null, product_id: FIRST_VARIANT + n + 1_000_000, variant_id: FIRST_VARIANT + n,
  });
  return JSON.stringify({
    rate: {
      origin: { country: "CN", postal_code: "518000", province: "GD", city: "Shenzhen", name: null, address1: null, address2: null, address3: null, phone: null, fax: null, email: null, address_type: null, company_name: null },
      destination: { country: "DE", postal_code: "10115", province: "BE", city: "Berlin", name: null, address1: null, address2: null, address3: null, phone: null, fax: null, email: null, address_type: null, company_name: null },
      items: [line(10, 2, 180, 1299), line(20_011, 1, 420, 950), line(40_022, 1, 260, 2400), line(60_033, 3, 40, 600), line(99_998, 1, 90, 499)],
      currency: "EUR", locale: "en",
    },
  });
}

async function serve(): Promise<void> {
  const { default: db } = await import("../../app/db.server");
  const { toGid } = await import("../../app/server/shopify/gid");
  const { serveFetchHandler } = await import("../../app/server/shipping/carrier-service/test-http-server");
  await db.shop.upsert({ where: { domain: SHOP }, create: { domain: SHOP }, update: { uninstalledAt: null } });
  if ((await db.variantMapping.count({ where: { shop: SHOP } })) !== MAPPINGS) {
    await db.variantMapping.deleteMany({ where: { shop: SHOP } });
    const flags = ["", "", "", "battery", "cosmetic", "magnet"];
    for (let start = 0; start < MAPPINGS; start += 5000) {
      await db.variantMapping.createMany({
        data: Array.from({ length: 5000 }, (_, k) => {
          const i = start + k;
          return {
            shop: SHOP, productGid: toGid("Product", FIRST_VARIANT + 1_000_000 + i), variantGid: toGid("ProductVariant", FIRST_VARIANT + i),
            shopifySku: `BENCH-${i}`, supplier: "sandbox", supplierProductId: `SP-${i}`, supplierSku: `SS-${i}`,
            weightGrams: 50 + (i % 900), lengthMm: 100 + (i % 200), widthMm: 80 + (i % 100), heightMm: 20 + (i % 80),
            hsCode: ["610910", "691200", "850760", "330410", "850519"][i % 5]!, originCountry: "CN", flags: flags[i % flags.length]!,
            stock: { "CN-SZ": 100 + (i % 50) },
          };
        }),
      });
    }
  }
  const build = await import(path.join(ROOT, "build/index.js"));
  const { createRequestHandler } = await import("@remix-run/node");
  const { answerRateRequest } = await import("../../app/server/shipping/carrier-service/rates.server");
  const remix = createRequestHandler(build, "production");
  const app = await serveFetchHandler((request) => remix(request));
  const action = await serveFetchHandler((request) => answerRateRequest(request));
  // The baseline: node:http writing fixed bytes, no Fetch API objects at all.
  let fixed = Buffer.from("{}");
  const bare = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": fixed.length }).end(fixed));
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  process.on("message", (m: { bareBody?: string }) => {
    if (m.bareBody) fixed = Buffer.from(m.bareBody);
    process.send!({ ready: true });
  });
  process.send!({ app: app.url, action: action.url, bare: `http://127.0.0.1:${(bare.address() as AddressInfo).port}` });
}

type Result = { requests: { average: number }; latency: { p50: number; p99: number; max: number }; non2xx: number; errors: number; timeouts: number };

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  fs.mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: ENV, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], { cwd: ROOT, env: ENV, execArgv: process.execArgv, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const next = () => new Promise<Record<string, string | undefined>>((resolve) => child.once("message", resolve as never));
  try {
    const urls = (await next()) as Record<"app" | "action" | "bare", string>;
    const body = cartBody();
    const headers = {
      "content-type": "application/json", "x-shopify-shop-domain": SHOP,
      "x-shopify-hmac-sha256": crypto.createHmac("sha256", SECRET).update(body).digest("base64"),
    };
    const probe = await fetch(`${urls.app}/carrier-service/rates`, { method: "POST", headers, body });
    const answer = await probe.text();
    if (probe.status !== 200) throw new Error(`callback answered ${probe.status}: ${answer}`);
    child.send({ bareBody: answer });
    await next();
    // autocannon ships no types; the fields read below are the documented result shape.
    const { default: autocannon } = (await import("autocannon" as string)) as { default: (options: object) => Promise<Result> };
    const run = (url: string, opts: { duration: number; connections: number; overallRate?: number }): Promise<Result> =>
      autocannon({ url, method: "POST", headers, body, ...opts });
    const targets = { bare: urls.bare, remix: `${urls.app}/carrier-service/rates`, action: `${urls.action}/carrier-service/rates` } as const;
    for (const url of Object.values(targets)) await run(url, { duration: 2, connections: 16 }); // warm-up: JIT, caches
    const max: Record<string, Result> = {};
    const fixedRate: Record<string, Result> = {};
    for (const [name, url] of Object.entries(targets)) max[name] = await run(url, { duration: SECONDS, connections: 32 });
    for (const [name, url] of Object.entries(targets)) fixedRate[name] = await run(url, { duration: SECONDS, connections: 16, overallRate: 1000 });
    const rates = (JSON.parse(answer) as { rates: { service_code: string }[] }).rates.map((r) => r.service_code);
    const ratio = (name: string) => max[name]!.requests.average / max.bare!.requests.average;
    const bad = (r: Result) => r.non2xx + r.errors + r.timeouts;
    console.log(`carrier-service bench: ${MAPPINGS.toLocaleString("en-US")} mappings, 5-line cart to DE, HMAC-signed; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start`);
    console.log(`  callback answers ${answer.length} bytes, ${rates.length} rates: ${rates.join(", ")}`);
    console.log("  server                                   req/s @32 conn   ratio to bare   p50/p99/max ms @1,000 req/s   failed");
    for (const [name, label] of [["bare", "bare node:http, fixed JSON"], ["remix", "Remix build (createRequestHandler)"], ["action", "route action behind node:http"]] as const) {
      const m = max[name]!;
      const f = fixedRate[name]!;
      console.log(`  ${label.padEnd(40)} ${m.requests.average.toFixed(0).padStart(14)}   ${ratio(name).toFixed(2).padStart(13)}   ${`${f.latency.p50}/${f.latency.p99}/${f.latency.max}`.padStart(27)}   ${bad(m) + bad(f)}`);
    }
    console.log(`  goal: Remix path ≥ 0.50 × bare → ${ratio("remix").toFixed(2)} ${ratio("remix") >= 0.5 ? "OK" : "BELOW GOAL"}; p99 ≤ 20 ms at 1,000 req/s → ${fixedRate.remix!.latency.p99} ms ${fixedRate.remix!.latency.p99 <= 20 ? "OK" : "ABOVE GOAL"}`);
  } finally {
    child.kill();
  }
}

if (process.argv.includes("--serve")) await serve();
else await main();

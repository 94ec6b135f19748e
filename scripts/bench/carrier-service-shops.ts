/**
 * Memory benchmark of the CarrierService callback with many shops (issue #10: "RSS stays under budget with 1,000
 * shops sending rate requests"). The production server (`npm start`'s build/server.js on build/index.js, as
 * scripts/bench/carrier-service.ts runs it) serves N installed shops with M mappings each; this
 * parent process sends a bounded number of HMAC-signed rate requests over loopback, spread across the shops with a
 * Zipf skew (a few busy shops, a long tail), half of them a shop's few popular carts (Shopify repeats those), half
 * new carts. The mapping tables alone would need N × M × ~85 B (MappingTable.bytes); the budget (SILKROUTE_MAPPING_CACHE_MB) holds less,
 * so the tail's tables are evicted and loaded again.
 * Reported: the server's peak RSS (VmHWM) and sampled max, the mapping-table hit rate (requests that found their
 * shop's table loaded; loads and evictions counted from the server's log lines), p50/p95/p99, answers over 500 ms,
 * errors (non-200 or transport failures).
 *
 * Run: npm run build && npx tsx scripts/bench/carrier-service-shops.ts [--shops 1000] [--skus 2000] [--budget-mb 256]
 *        [--requests 20000] [--connections 16] [--max-seconds 180] [--zipf 1.0] [--server-heap-mb N (default: npm start's)]
 *        [--build build/index.js] (another build copied beside it, e.g. build/before.js, to compare two in turn)
 *        [--role web|rates] (rates: `npm run start:rates`'s process, which serves the callback alone; ADR 0722)
 * BENCH_CPU_PROF=1 writes a V8 CPU profile of the server to .data/profiles/ (read it with scripts/bench/cpu-profile-top.ts).
 * Seeds .data/bench-carrier-shops-<shops>x<skus>.db (SQLite) once and reuses it. Compare runs on the same machine only.
 */
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cartLine, DESTINATIONS, rateRequestBody, signedHeaders } from "./carts";
import { startNodeFlags } from "./start-flags";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SECRET = "bench-carrier-shops-secret";
const FIRST_VARIANT = 8_000_000_000;

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}
const SHOPS = Math.floor(flag("shops", 1_000));
const SKUS = Math.floor(flag("skus", 2_000));
const BUDGET_MB = flag("budget-mb", 256);
const REQUESTS = Math.floor(flag("requests", 20_000));
const CONNECTIONS = Math.floor(flag("connections", 16));
const MAX_SECONDS = flag("max-seconds", 180);
const ZIPF_S = flag("zipf", 1.0);
// The server runs with the V8 flags `npm start` gives it (start-flags.ts); --server-heap-mb tries another old-space limit. Uncapped, V8 lets garbage grow the heap far past what the caches hold before collecting it.
const SERVER_HEAP_MB = process.argv.includes("--server-heap-mb") ? Math.floor(flag("server-heap-mb", 0)) : undefined;
// --role rates: the checkout-rates role's process (`npm run start:rates`, ADR 0722) instead of `npm start`'s web process.
const ROLE = process.argv.includes("--role") ? process.argv[process.argv.indexOf("--role") + 1]! : "web";
if (ROLE !== "web" && ROLE !== "rates") throw new Error("--role is web or rates");
const { flags: SERVER_NODE_FLAGS, defaultHeapMb: START_HEAP_MB, entry: SERVER_ENTRY } = startNodeFlags(ROOT, SERVER_HEAP_MB, ROLE === "rates" ? "start:rates" : "start");

const BUILD = process.argv.includes("--build") ? process.argv[process.argv.indexOf("--build") + 1]! : "build/index.js";
if (ROLE === "rates" && process.argv.includes("--build")) throw new Error("--build is the web role's Remix build; the rates role has none");
const DB_FILE = `./.data/bench-carrier-shops-${SHOPS}x${SKUS}.db`;
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production", SILKROUTE_MODE: "test", // production mode would demand a public https app URL
  DATABASE_URL: `file:${DB_FILE}`,
  SHOPIFY_API_KEY: "bench-carrier-shops-key", SHOPIFY_API_SECRET: SECRET, SHOPIFY_APP_URL: "http://127.0.0.1:3999",
  SILKROUTE_ENCRYPTION_KEYS: "k1:" + Buffer.alloc(32, 7).toString("base64"),
  SILKROUTE_MAPPING_CACHE_MB: String(BUDGET_MB),
  SILKROUTE_HEAP_MB: String(SERVER_HEAP_MB ?? START_HEAP_MB),
  SILKROUTE_MEMORY_LOG_SECONDS: "1",
};

const shopDomain = (i: number) => `bench-shops-${i}.myshopify.com`;

// Four of the shared destinations (Berlin, San Francisco, London, Sydney), as every earlier run of this bench used.
const SHOP_DESTINATIONS = ["Berlin", "San Francisco", "London", "Sydney"].map((city) => DESTINATIONS.find((d) => d.city === city)!);

/** Cart `cart` of a shop: 3 lines of its SKUs. Carts 0–4 are each shop's popular ones; others are new. */
function cartBody(shop: number, cart: number): string {
  const pick = (k: number) => Number((BigInt(shop + 1) * 2_654_435_761n + BigInt(cart) * 40_503n + BigInt(k) * 97n) % BigInt(SKUS));
  const line = (n: number, quantity: number) => cartLine(n, quantity, 50 + (n % 400), 300 + (n % 5000), FIRST_VARIANT);
  return rateRequestBody(SHOP_DESTINATIONS[(shop + cart) % SHOP_DESTINATIONS.length]!, [line(pick(0), 1), line(pick(1), 2), line(pick(2), 1)]);
}

/** Zipf(s) over shop ranks 0..N-1: rank r drawn with weight 1/(r+1)^s. */
function zipfSampler(n: number, s: number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cdf[r] = total += 1 / Math.pow(r + 1, s);
  return () => {
    const u = Math.random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Child: seeds N installed shops with M mappings each (once per DB file), and resets what a run writes. */
async function seed(): Promise<void> {
  const { default: db } = await import("../../app/db.server");
  const { toGid } = await import("../../app/server/shopify/gid");
  const domains = Array.from({ length: SHOPS }, (_, i) => shopDomain(i));
  const ours = { domain: { startsWith: "bench-shops-" } };
  if ((await db.shop.count({ where: ours })) !== SHOPS || (await db.variantMapping.count()) !== SHOPS * SKUS) {
    await db.variantMapping.deleteMany({});
    await db.shop.deleteMany({ where: ours });
    await db.shop.createMany({ data: domains.map((domain) => ({ domain })) });
    const flags = ["", "", "", "battery", "cosmetic", "magnet"];
    const rows = (shop: string) => Array.from({ length: SKUS }, (_, i) => ({
      shop, productGid: toGid("Product", FIRST_VARIANT + 1_000_000 + i), variantGid: toGid("ProductVariant", FIRST_VARIANT + i),
      shopifySku: `BENCH-${i}`, supplier: "sandbox", supplierProductId: `SP-${i}`, supplierSku: `SS-${i}`,
      weightGrams: 50 + (i % 900), lengthMm: 100 + (i % 200), widthMm: 80 + (i % 100), heightMm: 20 + (i % 80),
      hsCode: ["610910", "691200", "850760", "330410", "850519"][i % 5]!, originCountry: "CN", flags: flags[i % flags.length]!,
      stock: { "CN-SZ": 100 + (i % 50) },
    }));
    // The first shop through Prisma; the others copied from it inside SQLite (createMany of millions of rows takes
    // many minutes on a busy machine), each row with its own id and shop.
    await db.variantMapping.createMany({ data: rows(domains[0]!) });
    const columns = ((await db.$queryRawUnsafe(`PRAGMA table_info("VariantMapping")`)) as { name: string }[]).map((c) => c.name);
    // New ids sort after every earlier shop's (a zero-padded shop number first), so the primary-key index grows at
    // its end instead of taking 10,000 scattered inserts a shop.
    const copied = columns.map((c) => (c === "id" ? `? || '-' || "id"` : c === "shop" ? "?" : `"${c}"`));
    // Copied from a one-shop staging table: with the indexes dropped, selecting shop 0 from the growing table would scan it.
    const copy = `INSERT INTO "VariantMapping" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${copied.join(", ")} FROM "SeedRows"`;
    // Maintaining the table's indexes row by row made 10 M rows take over half an hour; they are dropped for the
    // copy and built once at the end (a sort), and the throwaway file needs no journal.
    await db.$queryRawUnsafe("PRAGMA journal_mode = OFF");
    await db.$executeRawUnsafe("PRAGMA synchronous = OFF");
    const indexes = (await db.$queryRawUnsafe(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'VariantMapping' AND "sql" IS NOT NULL`)) as { name: string; sql: string }[];
    for (const index of indexes) await db.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "SeedRows"`);
    await db.$executeRawUnsafe(`CREATE TABLE "SeedRows" AS SELECT * FROM "VariantMapping" WHERE "shop" = ?`, domains[0]);
    for (const [n, domain] of domains.entries()) {
      if (n > 0) await db.$executeRawUnsafe(copy, ...columns.flatMap((c) => (c === "id" ? [String(n).padStart(6, "0")] : c === "shop" ? [domain] : [])));
      if (n % 100 === 99) process.stderr.write(`  seeded ${n + 1}/${SHOPS} shops\n`);
    }
    process.stderr.write(`  building ${indexes.length} indexes\n`);
    for (const index of indexes) await db.$executeRawUnsafe(index.sql);
    await db.$executeRawUnsafe(`DROP TABLE "SeedRows"`);
  }
  // Every run starts as seeded: no shop has sent a signed rate request yet (its first one records that, a write the
  // checkout-SLA flush once held up for seconds: ADR 0720, "Tenth round"), and no SLA rows from earlier runs.
  await db.shop.updateMany({ where: ours, data: { carrierRequestsSignedAt: null } });
  await db.rateCallbackHour.deleteMany({ where: { shop: { startsWith: "bench-shops-" } } });
  await db.$disconnect();
  process.send!({ seeded: true });
}

interface ServerLog { loads: number; evictions: number; url: Promise<string>; heapMax: number; arrayBuffersMax: number; tablesMax: number }

function startAppServer(): { child: ChildProcess; log: ServerLog } {
  const heap = SERVER_NODE_FLAGS;
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.join(ROOT, ".data/profiles")}`] : [];
  const child = spawn(process.execPath, [...heap, ...profile, SERVER_ENTRY, ...(ROLE === "web" ? [`./${BUILD}`] : [])], {
    cwd: ROOT, env: { ...ENV, PORT: "0", HOST: "127.0.0.1" }, stdio: ["ignore", "pipe", "inherit"],
  });
  let resolveUrl: (url: string) => void;
  const log: ServerLog = { loads: 0, evictions: 0, url: new Promise((resolve) => (resolveUrl = resolve)), heapMax: 0, arrayBuffersMax: 0, tablesMax: 0 };
  let pending = "";
  // BENCH_SERVER_LOG=<file> keeps the server's log lines, each stamped with seconds since the bench started (the
  // clock of the slow answers' list).
  const keep = process.env.BENCH_SERVER_LOG ? fs.createWriteStream(process.env.BENCH_SERVER_LOG) : undefined;
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const l of lines) {
      keep?.write(`${(performance.now() / 1000).toFixed(2)} ${l}\n`);
      const server = /\[server\] (http:\/\/[\d.]+:\d+)/.exec(l);
      if (server) resolveUrl(server[1]!);
      else if (/\[mapping-store\] .* loaded \d+ mappings/.test(l)) {
        log.loads++;
        log.tablesMax = Math.max(log.tablesMax, Number(/; tables (\d+) MB/.exec(l)?.[1] ?? 0));
      }
      else if (/\[mapping-store\] .* evicted [1-9]\d* mappings/.test(l)) log.evictions++; // a table, not a cold shop's empty state
      const memory = /\[memory\] .* heap used \d+ of (\d+) MB, array buffers (\d+) MB/.exec(l);
      if (memory) {
        log.heapMax = Math.max(log.heapMax, Number(memory[1]));
        log.arrayBuffersMax = Math.max(log.arrayBuffersMax, Number(memory[2]));
      }
    }
  });
  child.once("exit", (code) => code && console.error(`app server exited (${code})`));
  return { child, log };
}

/** Current and peak resident memory of a process (Linux /proc), in MB. */
function rss(pid: number | undefined): { now: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { now: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return { now: 0, peak: 0 };
  }
}

function post(agent: http.Agent, url: URL, shop: number, body: string): Promise<number> {
  const headers = { ...signedHeaders(body, shopDomain(shop), SECRET), "content-length": Buffer.byteLength(body) };
  return new Promise((resolve) => {
    const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers, timeout: 30_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

const percentile = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "build/index.js")) || !fs.existsSync(path.join(ROOT, SERVER_ENTRY))) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  fs.mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: ENV, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  const seeder = fork(fileURLToPath(import.meta.url), ["--seed", ...process.argv.slice(2)], { cwd: ROOT, env: ENV, execArgv: process.execArgv, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  await new Promise((resolve, reject) => {
    seeder.once("message", resolve);
    seeder.once("exit", (code) => code && reject(new Error(`seeding failed (${code})`)));
  });

  // The seeder writes without a journal or syncs, so ~2 GB of the file can still be waiting in the page cache for the
  // disk. Left there, the kernel wrote them back in one burst a few seconds into the run (Dirty in /proc/meminfo fell
  // from 1.8 GB to 0 within a second), and the server's SQLite calls, synchronous on its event loop, stalled ~2 s
  // behind it: every answer in flight took over 500 ms (ADR 0720, "Ninth round"). A database in service is written
  // through its journal and synced, so the file is synced before the server starts.
  const syncStarted = performance.now();
  const fd = fs.openSync(DB_FILE, "r");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  const syncMs = performance.now() - syncStarted;
  if (syncMs > 100) console.error(`  synced the seeded database to disk in ${(syncMs / 1000).toFixed(1)} s`);

  const { child, log } = startAppServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  try {
    const url = new URL("/carrier-service/rates", await Promise.race([log.url, new Promise<string>((_, reject) => setTimeout(() => reject(new Error("server did not start in 60 s")), 60_000))]));
    const baseline = rss(child.pid).now;
    const nextShop = zipfSampler(SHOPS, ZIPF_S);
    const latencies = new Float64Array(REQUESTS);
    const slow: { at: number; ms: number; shop: number; firstOfShop: boolean; newCart: boolean }[] = [];
    const touched = new Set<number>();
    let sent = 0;
    let done = 0;
    let errors = 0;
    let rssMax = 0;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, rss(child.pid).now)), 100);
    const started = performance.now();
    const deadline = started + MAX_SECONDS * 1000;
    const loadAverage = os.loadavg()[0]!;
    const worker = async () => {
      while (sent < REQUESTS && performance.now() < deadline) {
        sent++;
        const shop = nextShop();
        const firstOfShop = !touched.has(shop);
        touched.add(shop);
        // Half the requests are one of the shop's 5 popular carts, half a cart it never sent.
        const cart = Math.random() < 0.5 ? Math.floor(Math.random() * 5) : 5 + sent;
        const body = cartBody(shop, cart);
        const t0 = performance.now();
        const status = await post(agent, url, shop, body);
        const ms = (latencies[done++] = performance.now() - t0);
        if (ms > 500) slow.push({ at: t0 / 1000, ms, shop, firstOfShop, newCart: cart >= 5 });
        if (status !== 200) errors++;
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the last log lines
    const memory = rss(child.pid);
    rssMax = Math.max(rssMax, memory.now);

    const sorted = latencies.slice(0, done).sort();
    const over500 = sorted.filter((ms) => ms > 500).length;
    const hitRate = done ? Math.max(0, 1 - log.loads / done) : 0;
    const fullTablesMb = (SHOPS * SKUS * 85) / 1024 / 1024;
    console.log(`carrier-service-shops bench: production server (${ROLE === "web" ? `${SERVER_ENTRY} on ${BUILD}` : `${SERVER_ENTRY}, the checkout-rates role`}), ${SHOPS.toLocaleString("en-US")} shops × ${SKUS.toLocaleString("en-US")} mappings, HMAC-signed, Zipf s=${ZIPF_S}, server ${SERVER_NODE_FLAGS.join(" ")}${SERVER_HEAP_MB === undefined ? " (npm start's)" : ""}`);
    console.log(`  ${os.cpus().length} CPUs, load average ${loadAverage.toFixed(1)} at start; ${CONNECTIONS} connections; ${done.toLocaleString("en-US")} requests in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(0)} req/s) to ${touched.size} distinct shops`);
    console.log(`  mapping budget ${BUDGET_MB} MB (every table at once would take ~${fullTablesMb.toFixed(0)} MB); table loads ${log.loads}, evictions ${log.evictions} (${log.loads - log.evictions} tables held at the end); table hit rate ${(hitRate * 100).toFixed(1)} %`);
    console.log(`  RSS: ${baseline.toFixed(0)} MB after start, ${memory.now.toFixed(0)} MB at the end, max sampled ${rssMax.toFixed(0)} MB, peak (VmHWM) ${memory.peak.toFixed(0)} MB; of which at most V8 heap ${log.heapMax} MB, mapping tables ${log.tablesMax} MB (paged, ADR 0720 "Eleventh round"), other array buffers ${log.arrayBuffersMax} MB; goal ≤ budget + 150 = ${BUDGET_MB + 150} MB`);
    console.log(`  latency ms: p50 ${percentile(sorted, 50).toFixed(1)}, p95 ${percentile(sorted, 95).toFixed(1)}, p99 ${percentile(sorted, 99).toFixed(1)}, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)}; over 500 ms: ${over500} (${((over500 / Math.max(1, done)) * 100).toFixed(2)} %)`);
    if (slow.length) {
      const shown = slow.slice(0, 12).map((s) => `${s.at.toFixed(1)} s: ${s.ms.toFixed(0)} ms (shop rank ${s.shop}${s.firstOfShop ? ", its first request" : ""}${s.newCart ? ", new cart" : ""})`);
      console.log(`  answers over 500 ms, by when they were sent (requests began ${(started / 1000).toFixed(1)} s into the bench): ${shown.join("; ")}${slow.length > 12 ? `; ${slow.length - 12} more` : ""}`);
    }
    console.log(`carrier-service-shops: rss-max ${Math.max(rssMax, memory.peak).toFixed(0)} MB, p95 ${percentile(sorted, 95).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, over-500ms ${over500}, errors ${errors}`);
  } finally {
    agent.destroy();
    child.kill("SIGINT");
    seeder.kill();
  }
}

if (process.argv.includes("--seed")) await seed();
else await main();

/**
 * What one query costs through Prisma (6.19, `engine: "js"` with the better-sqlite3 driver adapter, as the app runs
 * it) against the same SQL on better-sqlite3 directly, on the many-shops bench's SQLite file. The cold-shop path of
 * the checkout callback (shop status, rate context, a cart's SKUs, table pages) is made of such queries, so this is
 * the price of a shop that is not in memory (ADR 0720, "Ninth round").
 * BENCH_CPU_PROF=1 writes a profile of the Prisma primary-key loop to .data/profiles/prisma-overhead.cpuprofile.
 *
 * Run: npx tsx scripts/bench/carrier-service-shops.ts --shops 1000 --skus 10000 (seeds the file once), then
 *      npx tsx scripts/bench/prisma-overhead.ts [--shops 1000] [--skus 10000]
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const arg = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const FILE = path.join(ROOT, `.data/bench-carrier-shops-${arg("shops", 1000)}x${arg("skus", 10000)}.db`);
if (!fs.existsSync(FILE)) throw new Error(`${FILE} is missing: run scripts/bench/carrier-service-shops.ts first`);
Object.assign(process.env, { DATABASE_URL: `file:${FILE}`, SILKROUTE_MODE: "test" });
const { default: db } = await import("../../app/db.server");
// better-sqlite3 ships no types; the three methods used here are its documented API.
interface Statement { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] }
const Database = createRequire(import.meta.url)("better-sqlite3") as new (file: string, options: { readonly: boolean }) => { prepare(sql: string): Statement; close(): void };
const direct = new Database(FILE, { readonly: true });
const SHOP = "bench-shops-7.myshopify.com";
const FIRST_VARIANT = 8_000_000_000;

async function measure(n: number, run: (i: number) => unknown): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < 100; i++) await run(i); // the JIT, and each query's first compilation
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  for (let i = 0; i < n; i++) await run(i);
  const used = process.cpuUsage(cpu);
  return { wall: ((performance.now() - started) * 1000) / n, cpu: (used.user + used.system) / n };
}

const byKey = direct.prepare(`SELECT "uninstalledAt", "carrierRequestsSignedAt" FROM "Shop" WHERE "domain" = ?`);
const bySkus = direct.prepare(`SELECT "variantGid", "shopifySku", "weightGrams", "stock" FROM "VariantMapping" WHERE "shop" = ? AND "shopifySku" IN (?, ?, ?)`);
const page = direct.prepare(`SELECT "variantGid", "shopifySku", "weightGrams", "lengthMm", "widthMm", "heightMm", "hsCode", "originCountry", "flags", "stock" FROM "VariantMapping" WHERE "shop" = ? AND "variantGid" > ? ORDER BY "variantGid" ASC LIMIT ?`);
const skus = (i: number) => [`BENCH-${i % 9000}`, `BENCH-${(i % 9000) + 1}`, `BENCH-${(i % 9000) + 2}`];

const rows: [string, { wall: number; cpu: number }, { wall: number; cpu: number }][] = [];
rows.push(["a shop by its unique domain", await measure(3000, () => db.shop.findUnique({ where: { domain: SHOP }, select: { uninstalledAt: true, carrierRequestsSignedAt: true } })), await measure(3000, () => byKey.get(SHOP))]);
rows.push(["a cart's 3 SKUs (findMany … in)", await measure(3000, (i) => db.variantMapping.findMany({ where: { shop: SHOP, shopifySku: { in: skus(i) } }, select: { variantGid: true, shopifySku: true, weightGrams: true, stock: true } })), await measure(3000, (i) => bySkus.all(SHOP, ...skus(i)))]);
rows.push(["one row by $queryRaw", await measure(3000, (i) => db.$queryRaw`SELECT "variantGid", "shopifySku", "weightGrams", "lengthMm", "widthMm", "heightMm", "hsCode", "originCountry", "flags", "stock" FROM "VariantMapping" WHERE "shop" = ${SHOP} AND "variantGid" > ${`gid://shopify/ProductVariant/${FIRST_VARIANT + (i % 9000)}`} ORDER BY "variantGid" ASC LIMIT ${1}`), await measure(3000, (i) => page.all(SHOP, `gid://shopify/ProductVariant/${FIRST_VARIANT + (i % 9000)}`, 1))]);
rows.push(["a 2,000-row table page by $queryRaw", await measure(100, () => db.$queryRaw`SELECT "variantGid", "shopifySku", "weightGrams", "lengthMm", "widthMm", "heightMm", "hsCode", "originCountry", "flags", "stock" FROM "VariantMapping" WHERE "shop" = ${SHOP} AND "variantGid" > ${""} ORDER BY "variantGid" ASC LIMIT ${2000}`), await measure(100, () => page.all(SHOP, "", 2000))]);

if (process.env.BENCH_CPU_PROF) {
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  for (let i = 0; i < 3000; i++) await db.shop.findUnique({ where: { domain: SHOP }, select: { uninstalledAt: true, carrierRequestsSignedAt: true } });
  const { profile } = await session.post("Profiler.stop");
  fs.mkdirSync(path.join(ROOT, ".data/profiles"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, ".data/profiles/prisma-overhead.cpuprofile"), JSON.stringify(profile));
}

console.log("prisma-overhead: µs per query, wall / CPU, through Prisma and on better-sqlite3 directly (same SQL, same file)");
for (const [label, prisma, raw] of rows) {
  console.log(`  ${label.padEnd(38)} prisma ${prisma.wall.toFixed(0).padStart(5)} / ${prisma.cpu.toFixed(0).padStart(5)}   direct ${raw.wall.toFixed(0).padStart(5)} / ${raw.cpu.toFixed(0).padStart(5)}   ${(prisma.wall / raw.wall).toFixed(1)} ×`);
}
direct.close();
await db.$disconnect();

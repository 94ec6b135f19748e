/**
 * The mapping store's frequent reads (table pages, a cold shop's own lines, the freshness checks) on the database
 * driver itself, beside Prisma. Prisma 6.19's client compiles every query in its wasm query compiler, with no plan
 * cache, and its better-sqlite3 adapter prepares a new statement for every query. `scripts/bench/prisma-overhead.ts`
 * measured a cart's 3 SKUs at 786 µs through Prisma against 23 µs on the driver, and a 2,000-row page at 5.8 ms
 * against 2.4 ms, on SQLite, where all of it blocks the event loop; on PostgreSQL, a shop's row at 1.9 ms against
 * 0.13 ms (ADR 0720, "Ninth round"). Those reads are what a shop that is not in memory costs its checkouts.
 * The SQL is prismaMappingSource's, and the records are the same (mapping-store.test.ts runs the store and the
 * reads on both sources, on SQLite and PostgreSQL). The rare reads (rows changed since a time, every variant key)
 * stay on Prisma.
 * - SQLite: a connection of its own, `query_only`, so it can never write. It does not share the Prisma
 *   connection, so it never sees a Prisma transaction's uncommitted rows; in WAL mode each read sees the last commit.
 *   Statements are prepared once.
 * - PostgreSQL: a pool of its own (DATABASE_READ_POOL_SIZE, default 2 connections), named prepared statements.
 */
import { createRequire } from "node:module";
import { databaseProvider, databaseUrl, sqliteFile } from "../../../db.server";
import { fromRaw, prismaMappingSource, type MappingSource, type RawRecord } from "./mapping-source.server";

const require = createRequire(import.meta.url);

const COLUMNS = `"variantGid", "shopifySku", "weightGrams", "lengthMm", "widthMm", "heightMm", "hsCode", "originCountry", "flags", "stock"`;

interface Reader {
  page(shop: string, after: string, limit: number): Promise<RawRecord[]>;
  byVariants(shop: string, variantGids: string[]): Promise<RawRecord[]>;
  bySkus(shop: string, skus: string[]): Promise<RawRecord[]>;
  /** Row count and newest `updatedAt` in ms (null when the shop has no rows), in one statement (one snapshot). */
  version(shop: string): Promise<{ count: number; newest: number | null }>;
  newest(shop: string): Promise<number | null>;
}

// better-sqlite3 and pg ship no types here; these are the parts of their documented APIs used below.
interface SqliteStatement { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown }
interface SqliteConnection { prepare(sql: string): SqliteStatement; pragma(source: string): unknown }
type SqliteDriver = new (file: string, options: { timeout: number; fileMustExist: boolean }) => SqliteConnection;
interface PgPool { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>; on(event: "error", listener: () => void): void }
type PgDriver = { Pool: new (options: object) => PgPool };

/** SQLite stores Prisma's DateTime as ISO text; the newest is null for a shop without rows. */
const sqliteMs = (value: unknown): number | null => (value == null ? null : new Date(value as string).getTime());

function sqliteReader(file: string): Reader {
  const Database = require("better-sqlite3") as SqliteDriver;
  const connection = new Database(file, { timeout: 10_000, fileMustExist: true });
  connection.pragma("query_only = ON");
  // A variable-length key list as one JSON array parameter: one statement for any cart, still an index search per
  // key (EXPLAIN QUERY PLAN: SEARCH … USING INDEX VariantMapping_shop_shopifySku_idx, LIST SUBQUERY over json_each).
  const page = connection.prepare(`SELECT ${COLUMNS} FROM "VariantMapping" WHERE "shop" = ? AND "variantGid" > ? ORDER BY "variantGid" ASC LIMIT ?`);
  const byVariants = connection.prepare(`SELECT ${COLUMNS} FROM "VariantMapping" WHERE "shop" = ? AND "variantGid" IN (SELECT "value" FROM json_each(?))`);
  const bySkus = connection.prepare(`SELECT ${COLUMNS} FROM "VariantMapping" WHERE "shop" = ? AND "shopifySku" IN (SELECT "value" FROM json_each(?))`);
  const version = connection.prepare(`SELECT (SELECT count(*) FROM "VariantMapping" WHERE "shop" = ?) AS "count", (SELECT max("updatedAt") FROM "VariantMapping" WHERE "shop" = ?) AS "newest"`);
  const newest = connection.prepare(`SELECT max("updatedAt") AS "newest" FROM "VariantMapping" WHERE "shop" = ?`);
  return {
    page: async (shop, after, limit) => page.all(shop, after, limit) as RawRecord[],
    byVariants: async (shop, variantGids) => byVariants.all(shop, JSON.stringify(variantGids)) as RawRecord[],
    bySkus: async (shop, skus) => bySkus.all(shop, JSON.stringify(skus)) as RawRecord[],
    version: async (shop) => {
      const row = version.get(shop, shop) as { count: number; newest: unknown };
      return { count: Number(row.count), newest: sqliteMs(row.newest) };
    },
    newest: async (shop) => sqliteMs((newest.get(shop) as { newest: unknown }).newest),
  };
}

/** Prisma's DateTime is `timestamp(3)` without a zone, holding UTC: the epoch of such a value is read as UTC. */
const PG_MS = (column: string) => `round(extract(epoch FROM max(${column})) * 1000)::float8`;

function postgresReader(url: string): Reader {
  const { Pool } = require("pg") as PgDriver;
  const pool = new Pool({ connectionString: url, max: Math.max(1, Math.floor(Number(process.env.DATABASE_READ_POOL_SIZE)) || 2), idleTimeoutMillis: 300_000, allowExitOnIdle: true });
  pool.on("error", () => undefined); // an idle connection lost (a server restart): the pool opens another on demand
  const rows = async (name: string, text: string, values: unknown[]) => (await pool.query({ name, text, values })).rows;
  return {
    page: async (shop, after, limit) => (await rows("mapping-page", `SELECT ${COLUMNS} FROM "VariantMapping" WHERE "shop" = $1 AND "variantGid" > $2 ORDER BY "variantGid" ASC LIMIT $3`, [shop, after, limit])) as RawRecord[],
    byVariants: async (shop, variantGids) => (await rows("mapping-variants", `SELECT ${COLUMNS} FROM "VariantMapping" WHERE "shop" = $1 AND "variantGid" = ANY($2::text[])`, [shop, variantGids])) as RawRecord[],
    bySkus: async (shop, skus) => (await rows("mapping-skus", `SELECT ${COLUMNS} FROM "VariantMapping" WHERE "shop" = $1 AND "shopifySku" = ANY($2::text[])`, [shop, skus])) as RawRecord[],
    version: async (shop) => {
      const [row] = (await rows("mapping-version", `SELECT (SELECT count(*) FROM "VariantMapping" WHERE "shop" = $1)::int AS "count", (SELECT ${PG_MS(`"updatedAt"`)} FROM "VariantMapping" WHERE "shop" = $1) AS "newest"`, [shop])) as { count: number; newest: number | null }[];
      return { count: Number(row?.count ?? 0), newest: row?.newest ?? null };
    },
    newest: async (shop) => {
      const [row] = (await rows("mapping-newest", `SELECT ${PG_MS(`"updatedAt"`)} AS "newest" FROM "VariantMapping" WHERE "shop" = $1`, [shop])) as { newest: number | null }[];
      return row?.newest ?? null;
    },
  };
}

/** The source for the database at `url`; its connection opens on the first read. */
export function driverMappingSource(url: string = databaseUrl()): MappingSource {
  let reader: Reader | undefined;
  const open = () => (reader ??= databaseProvider(url) === "postgresql" ? postgresReader(url) : sqliteReader(sqliteFile(url)));
  return {
    page: async (shop, after, limit) => (await open().page(shop, after ?? "", limit)).map(fromRaw),
    changedSince: prismaMappingSource.changedSince,
    async version(shop) {
      const { count, newest } = await open().version(shop);
      return { count, maxUpdatedAt: newest ?? 0 };
    },
    newest: async (shop) => (await open().newest(shop)) ?? 0,
    variantGids: prismaMappingSource.variantGids,
    forVariants: async (shop, variantGids) => (variantGids.length === 0 ? [] : (await open().byVariants(shop, variantGids)).map(fromRaw)),
    forSkus: async (shop, skus) => (skus.length === 0 ? [] : (await open().bySkus(shop, skus)).map(fromRaw)),
  };
}

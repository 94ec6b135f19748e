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
 * The connection is the process's read driver (database/read-driver.server.ts); statements are prepared once.
 */
import { databaseUrl } from "../../../db.server";
import { pgEpochMs, pgRows, readDriver, sqliteDate, type PgPool, type SqliteConnection } from "../../database/read-driver.server";
import { fromRaw, prismaMappingSource, type MappingSource, type RawRecord } from "./mapping-source.server";

const COLUMNS = `"variantGid", "shopifySku", "weightGrams", "lengthMm", "widthMm", "heightMm", "hsCode", "originCountry", "flags", "stock"`;

interface Reader {
  page(shop: string, after: string, limit: number): Promise<RawRecord[]>;
  byVariants(shop: string, variantGids: string[]): Promise<RawRecord[]>;
  bySkus(shop: string, skus: string[]): Promise<RawRecord[]>;
  /** Row count and newest `updatedAt` in ms (null when the shop has no rows), in one statement (one snapshot). */
  version(shop: string): Promise<{ count: number; newest: number | null }>;
  newest(shop: string): Promise<number | null>;
}

/** The newest is null for a shop without rows. */
const sqliteMs = (value: unknown): number | null => sqliteDate(value)?.getTime() ?? null;

function sqliteReader(connection: SqliteConnection): Reader {
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

const PG_MS = (column: string) => pgEpochMs(`max(${column})`);

function postgresReader(pool: PgPool): Reader {
  const rows = (name: string, text: string, values: unknown[]) => pgRows(pool, name, text, values);
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
  const open = () => {
    if (reader) return reader;
    const driver = readDriver(url);
    return (reader = driver.provider === "postgresql" ? postgresReader(driver.pool) : sqliteReader(driver.connection));
  };
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

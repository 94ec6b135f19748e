/**
 * A read-only connection to the database on its driver, beside Prisma, for the checkout callback's frequent reads
 * (the mapping store's pages and cart lookups, a new shop's install check and rate context). Prisma 6.19 compiles
 * every query in its WebAssembly query compiler, with no plan cache, and its better-sqlite3 adapter prepares a new
 * statement for every query: ~0.5–1 ms of CPU a query, against tens of µs on the driver (ADR 0720, "Ninth round"
 * and "Twelfth round"). One per database URL and process, opened on the first read and shared by every reader.
 * - SQLite: a connection of its own, `query_only`, so it can never write. It does not share the Prisma connection,
 *   so it never sees a Prisma transaction's uncommitted rows; in WAL mode each read sees the last commit.
 * - PostgreSQL: a pool of its own (DATABASE_READ_POOL_SIZE, default 2 connections); readers use named prepared
 *   statements.
 */
import { createRequire } from "node:module";
import { databaseProvider, databaseUrl, sqliteFile } from "../../db.server";

const require = createRequire(import.meta.url);

// better-sqlite3 and pg ship no types here; these are the parts of their documented APIs the readers use.
export interface SqliteStatement { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown }
export interface SqliteConnection { prepare(sql: string): SqliteStatement; pragma(source: string): unknown }
type SqliteDriver = new (file: string, options: { timeout: number; fileMustExist: boolean }) => SqliteConnection;
export interface PgPool { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>; on(event: "error", listener: () => void): void }
type PgDriver = { Pool: new (options: object) => PgPool };

export type ReadDriver =
  | { readonly provider: "sqlite"; readonly connection: SqliteConnection }
  | { readonly provider: "postgresql"; readonly pool: PgPool };

function open(url: string): ReadDriver {
  if (databaseProvider(url) === "postgresql") {
    const { Pool } = require("pg") as PgDriver;
    const max = Math.max(1, Math.floor(Number(process.env.DATABASE_READ_POOL_SIZE)) || 2);
    const pool = new Pool({ connectionString: url, max, idleTimeoutMillis: 300_000, allowExitOnIdle: true });
    pool.on("error", () => undefined); // an idle connection lost (a server restart): the pool opens another on demand
    return { provider: "postgresql", pool };
  }
  const Database = require("better-sqlite3") as SqliteDriver;
  const connection = new Database(sqliteFile(url), { timeout: 10_000, fileMustExist: true });
  connection.pragma("query_only = ON");
  return { provider: "sqlite", connection };
}

const drivers = new Map<string, ReadDriver>();

/** The process's read connection to the database at `url`, opened on first use. */
export function readDriver(url: string = databaseUrl()): ReadDriver {
  let driver = drivers.get(url);
  if (!driver) drivers.set(url, (driver = open(url)));
  return driver;
}

/** Rows of a named prepared statement on PostgreSQL. */
export async function pgRows(pool: PgPool, name: string, text: string, values: unknown[]): Promise<unknown[]> {
  return (await pool.query({ name, text, values })).rows;
}

/** SQLite holds Prisma's DateTime as ISO text; PostgreSQL readers select it as epoch milliseconds (`pgEpochMs`). */
export const sqliteDate = (value: unknown): Date | null => (value == null ? null : new Date(value as string));
/** Prisma's DateTime is `timestamp(3)` without a zone, holding UTC: its epoch is read as UTC. */
export const pgEpochMs = (expression: string) => `round(extract(epoch FROM ${expression}) * 1000)::float8`;
export const epochDate = (value: unknown): Date | null => (value == null ? null : new Date(Number(value)));

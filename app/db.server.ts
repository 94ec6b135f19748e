import { createRequire } from "node:module";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";

export type DatabaseProvider = "sqlite" | "postgresql";
export type Db = PrismaClient;

export const DEFAULT_DATABASE_URL = "file:./.data/silkroute.db";

/** A production process (SILKROUTE_MODE unset or "production") never falls back to a local SQLite file. */
export function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if ((process.env.SILKROUTE_MODE || "production") === "production") {
    throw new Error('DATABASE_URL is required in production; the local SQLite default is for SILKROUTE_MODE=demo or test. See README "Configuration".');
  }
  return DEFAULT_DATABASE_URL;
}

export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

// Both generated clients are CommonJS packages under node_modules/.prisma; require resolves them
// from any depth (app, build/, tests), which an ESM import of a dot-named package cannot.
const require = createRequire(import.meta.url);

const clientModule = (url: string) =>
  require(databaseProvider(url) === "postgresql" ? ".prisma/client" : ".prisma/sqlite-client") as typeof import("@prisma/client");

/**
 * The Prisma namespace of the client in use. Sentinels such as Prisma.DbNull belong to one generated
 * client; the other client would store them as `{}`.
 */
export const PrismaRuntime: typeof import("@prisma/client").Prisma = clientModule(databaseUrl()).Prisma;

export function createPrismaClient(url = databaseUrl()): Db {
  if (databaseProvider(url) === "postgresql") {
    const { PrismaPg } = require("@prisma/adapter-pg") as typeof import("@prisma/adapter-pg");
    const { PrismaClient } = clientModule(url);
    const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    // node-postgres closes a connection idle for 10 s by default. A web process that idles that long (a quiet shop's
    // checkouts, or between bursts) then reopened up to six at once for the first rate callback (a rate context loads
    // with six parallel queries), and PostgreSQL starts a backend process for each: on two cores that stalled the
    // callbacks around it by up to ~150 ms (ADR 0720, "Seventh round"). Connections now live 5 minutes idle, and
    // idle ones do not keep the process alive (allowExitOnIdle), so a stopped server still exits at once.
    const idleTimeoutMillis = Number(process.env.DATABASE_POOL_IDLE_MS ?? 300_000);
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max, idleTimeoutMillis, allowExitOnIdle: true }) });
  }
  const { PrismaClient } = clientModule(url);
  return new PrismaClient({ adapter: sqliteAdapter(`file:${sqliteFile(url)}`) });
}

/** The absolute path of a `file:` URL's SQLite database (relative paths from the working directory). */
export function sqliteFile(url: string): string {
  const file = url.replace(/^file:/, "");
  return path.isAbsolute(file) ? file : path.resolve(process.cwd(), file);
}

/**
 * Every SQLite connection runs in WAL mode with synchronous=NORMAL (docs/adr/0720, "Sixth round"). SQLite's default
 * rollback journal makes a writer lock out every reader: while the worker process commits an import, the web process's
 * reads wait in the busy handler, and better-sqlite3 waits synchronously, so every checkout callback of the process
 * waits with them. A rollback-journal commit also syncs the disk several times (1.4 ms against 0.05 ms measured here),
 * and any commit by another connection throws away this connection's page cache. In WAL mode readers and one writer
 * proceed together, a commit appends to the log, and synchronous=NORMAL syncs only at checkpoints: a power cut may
 * lose the last commits, never corrupt the file (https://www.sqlite.org/wal.html, https://www.sqlite.org/pragma.html#pragma_synchronous).
 * The journal mode is stored in the file; a connection that cannot switch it (another holds a lock past the timeout)
 * carries on in the file's current mode.
 */
const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

function sqliteAdapter(url: string) {
  const { PrismaBetterSQLite3 } = require("@prisma/adapter-better-sqlite3") as typeof import("@prisma/adapter-better-sqlite3");
  const factory = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    try {
      await adapter.executeScript(SQLITE_PRAGMAS);
    } catch (error) {
      console.warn(`[db] SQLite stays in its current journal mode: ${error instanceof Error ? error.message : "unknown error"}`);
    }
    return adapter;
  };
  return factory;
}

declare global {
  // eslint-disable-next-line no-var
  var __silkrouteDb: Db | undefined;
}

// One client per process; cached on globalThis so dev reloads do not open new pools.
const db: Db = globalThis.__silkrouteDb ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalThis.__silkrouteDb = db;

export default db;

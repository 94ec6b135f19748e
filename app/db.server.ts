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
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
  }
  const { PrismaBetterSQLite3 } = require("@prisma/adapter-better-sqlite3") as typeof import("@prisma/adapter-better-sqlite3");
  const { PrismaClient } = clientModule(url);
  const file = url.replace(/^file:/, "");
  const absolute = path.isAbsolute(file) ? file : path.resolve(process.cwd(), file);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${absolute}`, timeout: 10_000 }) });
}

declare global {
  // eslint-disable-next-line no-var
  var __silkrouteDb: Db | undefined;
}

// One client per process; cached on globalThis so dev reloads do not open new pools.
const db: Db = globalThis.__silkrouteDb ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalThis.__silkrouteDb = db;

export default db;

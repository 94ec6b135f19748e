// Prisma CLI configuration. The provider follows DATABASE_URL: postgres:// → PostgreSQL, otherwise SQLite.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import pg from "pg";

const url = process.env.DATABASE_URL ?? "file:./.data/silkroute.db";
const isPostgres = /^postgres(ql)?:\/\//.test(url);

// prisma/orm#27403: the wasm schema engine reads `name` (OID 19) and `"char"` (OID 18) catalog
// columns, which @prisma/adapter-pg 6.19 cannot deserialize. Report them as text (OID 25).
// This patch lives in the CLI's config only; the app's runtime client never sees it.
function patchPgCatalogTypes(): void {
  const nameAsText = (r: any) => {
    for (const f of r?.fields ?? []) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
    return r;
  };
  const original: any = pg.Client.prototype.query;
  if (original.__silkroutePatched) return;
  const patched = function (this: any, ...args: any[]) {
    const cb = args[args.length - 1];
    if (typeof cb === "function") {
      args[args.length - 1] = (e: any, r: any) => cb(e, nameAsText(r));
      return original.apply(this, args);
    }
    const p = original.apply(this, args);
    return p && typeof p.then === "function" ? p.then(nameAsText) : p;
  };
  (patched as any).__silkroutePatched = true;
  (pg.Client.prototype as any).query = patched;
}

function pgConfig(connection: string): pg.PoolConfig {
  // Discrete fields, not connectionString: the schema engine path rejects some URL forms.
  const u = new URL(connection);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined,
    database: u.pathname.slice(1),
  };
}

function sqlitePath(connection: string): string {
  const file = connection.replace(/^file:/, "");
  return path.isAbsolute(file) ? file : path.resolve(process.cwd(), file);
}

if (isPostgres) patchPgCatalogTypes();

export default defineConfig({
  schema: isPostgres ? "prisma/postgresql/schema.prisma" : "prisma/sqlite/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    isPostgres ? new PrismaPg(pgConfig(url)) : new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}` }),
});

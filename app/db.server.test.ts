import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, databaseProvider } from "./db.server";

const onSqlite = databaseProvider(process.env.DATABASE_URL ?? "") === "sqlite";
const require = createRequire(import.meta.url);
/** The few calls of better-sqlite3 used here (the package ships no types). */
type SqliteDatabase = { prepare(sql: string): { run(): unknown; get(): unknown }; close(): void };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-db-"));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.runIf(onSqlite)("the SQLite connection", () => {
  it("runs in WAL mode with synchronous=NORMAL", async () => {
    const db = createPrismaClient(`file:${path.join(dir, "mode.db")}`);
    try {
      expect(await db.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
      expect(await db.$queryRawUnsafe("PRAGMA synchronous")).toEqual([{ synchronous: 1n }]); // 1 = NORMAL
    } finally {
      await db.$disconnect();
    }
  });

  it("commits a write while another connection holds a read transaction open (a rollback journal would wait for it)", async () => {
    const file = path.join(dir, "concurrent.db");
    const db = createPrismaClient(`file:${file}`);
    const Database = require("better-sqlite3") as new (file: string, options: { timeout: number }) => SqliteDatabase;
    try {
      await db.$executeRawUnsafe('CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL)');
      const reader = new Database(file, { timeout: 100 });
      reader.prepare("BEGIN").run();
      expect(reader.prepare('SELECT count(*) AS n FROM "Note"').get()).toEqual({ n: 0 }); // the read transaction holds its snapshot
      const started = performance.now();
      await db.$executeRawUnsafe(`INSERT INTO "Note" ("text") VALUES ('written while read')`);
      expect(performance.now() - started).toBeLessThan(1_000); // the busy timeout is 10 s
      expect(reader.prepare('SELECT count(*) AS n FROM "Note"').get()).toEqual({ n: 0 }); // still its snapshot
      reader.prepare("COMMIT").run();
      expect(reader.prepare('SELECT count(*) AS n FROM "Note"').get()).toEqual({ n: 1 });
      reader.close();
    } finally {
      await db.$disconnect();
    }
  });
});

describe.runIf(!onSqlite)("the PostgreSQL pool", () => {
  const backendAfterIdle = async (idleMs: number): Promise<{ before: number; after: number }> => {
    const db = createPrismaClient(process.env.DATABASE_URL);
    try {
      const pid = async () => Number((await db.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid"))[0]!.pid);
      const before = await pid();
      await new Promise((resolve) => setTimeout(resolve, idleMs));
      return { before, after: await pid() };
    } finally {
      await db.$disconnect();
    }
  };

  it("keeps its connection through an idle spell longer than node-postgres's 10 s default, so a checkout after a lull opens none", async () => {
    const { before, after } = await backendAfterIdle(10_800);
    expect(after).toBe(before);
  }, 30_000);

  it("lets a process whose work is done exit while its connections idle (a stopped server does not wait 5 minutes)", async () => {
    const script = `import { createPrismaClient } from ${JSON.stringify(path.resolve("app/db.server.ts"))}; await createPrismaClient(process.env.DATABASE_URL).$queryRawUnsafe("SELECT 1"); console.log("queried");`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const started = performance.now();
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(out).toContain("queried");
    expect(code).toBe(0);
    expect(performance.now() - started).toBeLessThan(9_000); // node-postgres's own idle timeout is 10 s
  }, 30_000);

  it("closes a connection idle for longer than DATABASE_POOL_IDLE_MS", async () => {
    process.env.DATABASE_POOL_IDLE_MS = "200";
    try {
      const { before, after } = await backendAfterIdle(800);
      expect(after).not.toBe(before);
    } finally {
      delete process.env.DATABASE_POOL_IDLE_MS;
    }
  });
});

// The run's own database: dropped and created (PostgreSQL) or a fresh file (SQLite), then migrated.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export async function resetDatabase(root: string, url: string): Promise<void> {
  if (url.startsWith("file:")) {
    fs.mkdirSync(path.join(root, ".data"), { recursive: true });
    for (const s of ["", "-journal", "-wal", "-shm"]) fs.rmSync(path.resolve(root, url.slice(5)) + s, { force: true });
  } else {
    await adminQuery(url, (name) => [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}"`]);
  }
  const r = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, env: process.env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrate deploy failed: ${r.stderr}`);
}

export async function dropDatabase(url: string): Promise<void> {
  if (!url.startsWith("file:")) await adminQuery(url, (name) => [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
}

async function adminQuery(url: string, statements: (name: string) => string[]): Promise<void> {
  const { default: pg } = await import("pg");
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  for (const sql of statements(new URL(url).pathname.slice(1))) await client.query(sql);
  await client.end();
}

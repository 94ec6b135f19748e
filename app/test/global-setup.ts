// Runs once per test run: gives the suite a freshly migrated database of the selected provider.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function resetPostgres(url: string): Promise<void> {
  const target = new URL(url);
  const database = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

function resetSqlite(url: string): void {
  const file = path.resolve(ROOT, url.replace(/^file:/, ""));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

export default async function setup(): Promise<() => void> {
  const url = process.env.DATABASE_URL!;
  const isPostgres = /^postgres(ql)?:\/\//.test(url);
  if (isPostgres) await resetPostgres(url);
  else resetSqlite(url);
  const result = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, encoding: "utf8", env: process.env });
  if (result.status !== 0) throw new Error(`migrate deploy failed for the test database:\n${result.stdout}${result.stderr}`);
  return () => {
    if (!isPostgres) resetSqlite(url);
  };
}

// Usage: npm run db:migration -- <name>
// Writes the next migration for every provider as the diff between the last migration's
// schema snapshot and the current source schema, and stores the new snapshot beside it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { listMigrations, migrationsDir, PROVIDERS, renderSchema, SNAPSHOT_FILE } from "./providers";
import { prisma } from "./prisma-cli";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}

// Several people may add models at once in one tree: one migration is written at a time.
const lock = path.join(os.tmpdir(), "silkroute-new-migration.lock");
for (let waited = 0; ; waited += 200) {
  try {
    fs.mkdirSync(lock);
    break;
  } catch {
    if (waited > 60_000) throw new Error(`${lock} is held; remove it if no migration is being written`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}
process.on("exit", () => fs.rmSync(lock, { recursive: true, force: true }));

const sequence = String(listMigrations("postgresql").length + 1).padStart(4, "0");
const dirName = `${sequence}_${name}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-migration-"));

for (const provider of PROVIDERS) {
  const previous = listMigrations(provider).at(-1);
  const next = path.join(tmp, `${provider}.prisma`);
  fs.writeFileSync(next, renderSchema(provider));
  const from = previous
    ? ["--from-schema-datamodel", path.join(migrationsDir(provider), previous, SNAPSHOT_FILE)]
    : ["--from-empty"];
  const sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", next, "--script"]);
  const target = path.join(migrationsDir(provider), dirName);
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, "migration.sql"), sql);
  fs.copyFileSync(next, path.join(target, SNAPSHOT_FILE));
  fs.writeFileSync(
    path.join(migrationsDir(provider), "migration_lock.toml"),
    `# Written by scripts/db/new-migration.ts\nprovider = "${provider}"\n`,
  );
  console.log(`wrote ${path.relative(process.cwd(), target)}/migration.sql`);
}

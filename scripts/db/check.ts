// Fails when the provider schemas or migration histories drifted from the source schema.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { listMigrations, migrationsDir, PROVIDERS, renderSchema, schemaPath, SNAPSHOT_FILE } from "./providers";
import { prisma } from "./prisma-cli";

const problems: string[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-dbcheck-"));
const histories = PROVIDERS.map((p) => listMigrations(p).join(","));
if (new Set(histories).size !== 1) problems.push(`migration histories differ between providers: ${histories.join(" | ")}`);

for (const provider of PROVIDERS) {
  const current = renderSchema(provider);
  if (!fs.existsSync(schemaPath(provider)) || fs.readFileSync(schemaPath(provider), "utf8") !== current) {
    problems.push(`prisma/${provider}/schema.prisma is stale: run npm run db:generate`);
  }
  const last = listMigrations(provider).at(-1);
  if (!last) {
    problems.push(`prisma/${provider} has no migrations`);
    continue;
  }
  const next = path.join(tmp, `${provider}.prisma`);
  fs.writeFileSync(next, current);
  const snapshot = path.join(migrationsDir(provider), last, SNAPSHOT_FILE);
  const diff = prisma(["migrate", "diff", "--from-schema-datamodel", snapshot, "--to-schema-datamodel", next, "--script"]).trim();
  if (diff !== "" && !/^-- This is an empty migration\.$/.test(diff)) {
    problems.push(`prisma/${provider}: the source schema has changes no migration covers; run npm run db:migration -- <name>`);
  }
}

if (problems.length) {
  for (const p of problems) console.error(`db:check: ${p}`);
  process.exit(1);
}
console.log("db:check: schemas and migrations are in sync for", PROVIDERS.join(" and "));

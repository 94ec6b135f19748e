// Generates both Prisma clients and applies the migrations of the provider DATABASE_URL selects.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./providers";
import { prisma } from "./prisma-cli";

const url = process.env.DATABASE_URL ?? "file:./.data/silkroute.db";
if (url.startsWith("file:")) fs.mkdirSync(path.dirname(path.resolve(ROOT, url.slice(5))), { recursive: true });
// prisma.config.ts picks the schema from DATABASE_URL; `--schema` would make the CLI fetch a native engine.
prisma(["generate"], { DATABASE_URL: "file:./.data/generate.db" });
prisma(["generate"], { DATABASE_URL: "postgresql://generate@127.0.0.1:1/generate" });
const out = prisma(["migrate", "deploy"], { DATABASE_URL: url });
console.log(out.split("\n").filter((l) => /migration|applied|No pending/i.test(l)).join("\n"));

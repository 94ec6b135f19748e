// What an idle worker costs the database: a DB-backend worker with every production queue registered and no work
// due, polling for 10 s; prints the statements PostgreSQL counted for it (pg_stat_database transactions).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/silkroute_test npx tsx scripts/bench/idle-worker.ts
import "./test-mode";
import { createPrismaClient } from "../../app/db.server";
import { createJobQueue } from "../../app/server/jobs/create-job-queue";
import { jobHandlers } from "../../app/server/jobs/handlers";

const url = process.env.DATABASE_URL ?? "";
if (!url.startsWith("postgres")) throw new Error("set DATABASE_URL to a migrated PostgreSQL database");
const db = createPrismaClient();
const queue = createJobQueue({ backend: "db", db, pollMs: 1_000 });
const registrations = jobHandlers({ db, jobs: queue });
for (const [name, reg] of Object.entries(registrations)) queue.register(name, reg.handler, reg.options);
const database = new URL(url).pathname.slice(1);
const transactions = async () => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1`, database))[0]!.n);
await queue.start();
await new Promise((r) => setTimeout(r, 2_000));
const before = await transactions();
await new Promise((r) => setTimeout(r, 10_000));
const after = await transactions();
await queue.stop(100);
console.log(JSON.stringify({ queues: Object.keys(registrations).length, seconds: 10, statementsPerSecond: (after - before - 1) / 10 }));
await db.$disconnect();
process.exit(0);

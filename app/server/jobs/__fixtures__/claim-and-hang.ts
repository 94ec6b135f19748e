// A worker process for the contract test's crash case: it claims one job of the given queue, says
// so on stdout, and hangs in the handler until the test SIGKILLs it.
import { createPrismaClient } from "~/db.server";
import { createJobQueue, type JobBackend } from "../create-job-queue";
import { contractTuning } from "./contract-tuning";

const [backend, queue] = process.argv.slice(2) as [JobBackend, string];
const jobs = createJobQueue({ backend, db: createPrismaClient(), ...contractTuning(backend) });
jobs.register(queue, async (ctx) => {
  process.stdout.write(`claimed ${ctx.id} ${ctx.attempt}\n`);
  await new Promise(() => {});
}, { concurrency: 1 });
await jobs.start();
process.stdout.write("ready\n");

// The JD inbox's durable jobs: every 5 minutes, each shop with a JD connection pulls JD's message queue.
import db from "../../db.server";
import type { JobDeps, JobRegistration, JobScheduleSpec } from "../jobs/handlers";
import { jdAdapterForShop } from "../consolidation/jd-connection.server";
import { pollJdMessages } from "./inbox.server";

export const JD_POLL_ALL_QUEUE = "jd.poll-messages-all";
export const JD_POLL_QUEUE = "jd.poll-messages";

export function jdInboxJobHandlers(deps: JobDeps): Record<string, JobRegistration> {
  return {
    [JD_POLL_ALL_QUEUE]: {
      handler: async () => {
        const rows = await db.supplierConnection.findMany({ where: { supplier: "jd", status: "connected" }, select: { shop: true } });
        const slot = Math.floor(Date.now() / (5 * 60_000));
        for (const { shop } of rows) await deps.jobs.enqueue(JD_POLL_QUEUE, { shop }, { shop, dedupeKey: `${shop}:${slot}` });
        return { shops: rows.length };
      },
      options: { concurrency: 1 },
    },
    [JD_POLL_QUEUE]: {
      handler: async ({ payload }: { payload: { shop: string } }) => pollJdMessages(payload.shop, await jdAdapterForShop(payload.shop)),
      options: { concurrency: 2 },
    },
  };
}

export const jdInboxJobSchedules: JobScheduleSpec[] = [
  { name: "jd.poll-messages.every-5-minutes", cron: "*/5 * * * *", queue: JD_POLL_ALL_QUEUE, payload: {} },
];

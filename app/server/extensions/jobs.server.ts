// The extensions' durable jobs. Restriction metafields are recomputed from persisted state (rate cards + mappings)
// after a change, one job per shop and window so a burst of edits costs one write pass; a daily pass per installed
// shop repairs anything a lost enqueue or a crash left stale.
import db from "../../db.server";
import type { JobDeps, JobRegistration, JobScheduleSpec } from "../jobs/handlers";
import { adminClientForShop } from "../shopify/admin.server";
import { WRITE_RESTRICTIONS_QUEUE } from "./restricted-items/enqueue.server";
import { writeRestrictionMetafields } from "./restricted-items/write-restrictions.server";

export const EXTENSION_QUEUES = {
  writeRestrictions: WRITE_RESTRICTIONS_QUEUE,
  writeRestrictionsAll: "extensions.write-restrictions-all",
} as const;

export function extensionsJobHandlers(deps: JobDeps): Record<string, JobRegistration> {
  return {
    [EXTENSION_QUEUES.writeRestrictions]: {
      handler: async (ctx: { payload: { shop: string } }) => writeRestrictionMetafields(ctx.payload.shop, await adminClientForShop(ctx.payload.shop)),
      options: { concurrency: 1 },
    },
    [EXTENSION_QUEUES.writeRestrictionsAll]: {
      handler: async (ctx: { payload: { day: string } }) => {
        const day = ctx.payload.day || new Date().toISOString().slice(0, 10);
        const shops = await db.shop.findMany({ where: { uninstalledAt: null }, select: { domain: true } });
        for (const { domain } of shops) {
          await deps.jobs.enqueue(EXTENSION_QUEUES.writeRestrictions, { shop: domain }, { shop: domain, dedupeKey: `${domain}:daily:${day}` });
        }
        return { shops: shops.length };
      },
      options: { concurrency: 1 },
    },
  };
}

export const extensionsJobSchedules: JobScheduleSpec[] = [
  { name: "extensions.write-restrictions.daily", cron: "41 4 * * *", queue: EXTENSION_QUEUES.writeRestrictionsAll, payload: { day: "" } },
];

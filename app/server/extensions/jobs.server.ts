// The extensions' durable jobs. Restriction metafields are recomputed from persisted state (rate cards + mappings)
// after a change, one job per shop and window so a burst of edits costs one write pass; a daily pass per installed
// shop repairs anything a lost enqueue or a crash left stale.
import db from "../../db.server";
import type { JobDeps, JobRegistration, JobScheduleSpec } from "../jobs/handlers";
import { adminClientForShop } from "../shopify/admin.server";
import { WRITE_RESTRICTIONS_QUEUE } from "./restricted-items/enqueue.server";
import { writeRestrictionMetafields } from "./restricted-items/write-restrictions.server";
import { writeCheckoutServicesMetafield } from "./checkout-notice/write-services.server";

export const EXTENSION_QUEUES = {
  writeRestrictions: WRITE_RESTRICTIONS_QUEUE,
  writeRestrictionsAll: "extensions.write-restrictions-all",
} as const;

export function extensionsJobHandlers(deps: JobDeps): Record<string, JobRegistration> {
  return {
    [EXTENSION_QUEUES.writeRestrictions]: {
      // The checkout notice's services come from the same rate cards, so they are rewritten on the same triggers.
      handler: async (ctx: { payload: { shop: string } }) => {
        const admin = await adminClientForShop(ctx.payload.shop);
        return { ...await writeRestrictionMetafields(ctx.payload.shop, admin), checkoutServices: (await writeCheckoutServicesMetafield(ctx.payload.shop, admin)).services };
      },
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

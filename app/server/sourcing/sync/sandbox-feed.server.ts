import db from "../../../db.server";
import type { JobQueue } from "../../jobs/types";
import { createSandboxClient } from "../../suppliers/sandbox/client";
import { DEFAULT_SANDBOX_BASE_URL } from "../../suppliers/sandbox";
import { parseChangePage } from "../../suppliers/sandbox/mappers";
import { applySupplierChange } from "./supplier-events.server";

export const SANDBOX_FEED_QUEUE = "sourcing.sandbox-feed";

// The feed is shared by every shop; the cursor is per process and the event keys deduplicate across restarts.
let cursor = 0;

/**
 * Pages through the sandbox supplier's change feed and hands each shop the events for the SKUs it maps,
 * through the same entry point CJ's webhooks and JD's messages use.
 */
export async function pollSandboxFeed(jobs: JobQueue, baseUrl = process.env.SANDBOX_SUPPLIER_URL ?? DEFAULT_SANDBOX_BASE_URL): Promise<number> {
  const client = createSandboxClient({ baseUrl });
  let delivered = 0;
  for (let page = 0; page < 20; page++) {
    const answer = await client.getChanges(cursor, 500, AbortSignal.timeout(10_000));
    if (!answer.ok) return delivered; // the supplier is down: the next tick picks up from the same cursor
    const { next, events } = parseChangePage(answer.value);
    if (events.length === 0) break;
    const mapped = await db.variantMapping.findMany({ where: { supplier: "sandbox", supplierSku: { in: [...new Set(events.map((e) => e.supplierSku))] } }, select: { shop: true, supplierSku: true } });
    const shops = new Map<string, Set<string>>();
    for (const m of mapped) shops.set(m.shop, (shops.get(m.shop) ?? new Set()).add(m.supplierSku));
    for (const [shop, skus] of shops) delivered += (await applySupplierChange(shop, "sandbox", events.filter((e) => skus.has(e.supplierSku)), jobs)).accepted;
    cursor = next;
  }
  return delivered;
}

export function resetSandboxFeedCursor(): void {
  cursor = 0;
}

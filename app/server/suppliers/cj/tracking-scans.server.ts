// LOGISTIC webhook scans, stored per parcel so the CJ adapter's tracking can return events trackInfo does not carry.
import { createHash } from "node:crypto";
import db from "../../../db.server";
import type { TrackingEvent, TrackingStatus } from "../supplier-order-models";
import type { CjLogisticEventSource } from "./index";
import type { CjLogisticMessage } from "./mappers";

const eventKey = (e: TrackingEvent) => createHash("sha256").update(`${e.at}|${e.status}|${e.description}`).digest("hex").slice(0, 32);

/** Each LOGISTIC message repeats every scan so far, so a redelivery or an older message only upserts known rows. */
export async function storeLogisticScans(shop: string, message: CjLogisticMessage): Promise<number> {
  let added = 0;
  for (const e of message.events) {
    const key = eventKey(e);
    const where = { shop_supplier_trackingNumber_eventKey: { shop, supplier: "cj", trackingNumber: message.trackingNumber, eventKey: key } };
    if (await db.supplierTrackingScan.findUnique({ where, select: { id: true } })) continue;
    try {
      await db.supplierTrackingScan.create({ data: { shop, supplier: "cj", trackingNumber: message.trackingNumber, eventKey: key,
        status: e.status, description: e.description.slice(0, 500), location: e.location?.slice(0, 200) ?? null, happenedAt: new Date(e.at) } });
      added++;
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error; // a concurrent delivery stored it first
    }
  }
  return added;
}

export function cjScanSource(shop: string): CjLogisticEventSource {
  return async (trackingNumbers) => {
    const rows = await db.supplierTrackingScan.findMany({ where: { shop, supplier: "cj", trackingNumber: { in: [...trackingNumbers] } }, orderBy: { happenedAt: "asc" } });
    const byNumber = new Map<string, TrackingEvent[]>();
    for (const r of rows) {
      const list = byNumber.get(r.trackingNumber) ?? [];
      list.push({ at: r.happenedAt.toISOString(), status: r.status as TrackingStatus, description: r.description, ...(r.location ? { location: r.location } : {}) });
      byNumber.set(r.trackingNumber, list);
    }
    return byNumber;
  };
}

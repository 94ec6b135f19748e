// The forwarder's tracking number, entered by the merchant or imported by CSV, is what the buyer follows:
// storing it is keyed (supplier order + number) so a repeated entry or import never doubles anything.
import db from "../../db.server";
import { validateTrackingNumber } from "../fulfillment/tracking/carriers";
import { enqueueTrackingSync } from "../fulfillment/queues.server";
import { recordEvent } from "../fulfillment/supplier-orders.server";
import type { Parcel } from "../suppliers/supplier-order-models";
import { storedText } from "../fulfillment/order-text";
import { message as catalogMessage, type Message } from "../../i18n/message";
import { englishText } from "../../i18n/english";

/** `detail`, when present, is the catalog message for `message` (the order page shows it in the merchant's language). */
export type ForwarderEntryResult = { ok: true; created: boolean } | { ok: false; message: string; detail?: Message };

export async function recordForwarderParcel(
  shop: string,
  input: { supplierOrderId: string; trackingNumber: string; carrier: string; source?: "manual" | "csv" },
): Promise<ForwarderEntryResult> {
  const order = await db.supplierOrder.findFirst({ where: { shop, id: input.supplierOrderId } });
  if (!order) return { ok: false, message: "No such supplier order in this shop." };
  if (order.supplier !== "jd") return { ok: false, message: "Forwarder tracking applies to JD orders shipped through a consolidation warehouse." };
  const check = validateTrackingNumber(input.trackingNumber);
  if (!check.ok) {
    const detail = catalogMessage(`order:tracking.refused.${check.reason}`);
    return { ok: false, message: englishText(detail), detail };
  }
  const carrier = input.carrier.trim();
  if (!carrier) return { ok: false, message: "Name the forwarder's carrier (e.g. YunExpress, 4PX, China Post)." };
  const existing = await db.forwarderParcel.findUnique({ where: { supplierOrderId_trackingNumber: { supplierOrderId: order.id, trackingNumber: check.number } } });
  if (existing) return { ok: true, created: false };
  await db.forwarderParcel.create({ data: { shop, supplierOrderId: order.id, trackingNumber: check.number, carrier, source: input.source ?? "manual" } });
  await recordEvent(order.id, "carrier", storedText(input.source === "csv" ? "order:event.forwarderParcelCsv" : "order:event.forwarderParcel", { number: check.number, carrier }));
  await enqueueTrackingSync(shop, order.id, `forwarder:${check.number}`);
  return { ok: true, created: true };
}

/** The forwarder's parcels as supplier parcels: handed over at the warehouse is the first scan the buyer sees. */
export async function forwarderParcelsFor(shop: string, idempotencyKey: string): Promise<Parcel[]> {
  const order = await db.supplierOrder.findFirst({ where: { shop, idempotencyKey }, select: { id: true } });
  if (!order) return [];
  const rows = await db.forwarderParcel.findMany({ where: { supplierOrderId: order.id }, orderBy: { handedOverAt: "asc" } });
  return rows.map((p) => ({
    trackingNumber: p.trackingNumber, carrier: { name: p.carrier }, status: "in_transit",
    events: [{ at: p.handedOverAt.toISOString(), status: "in_transit", description: "Handed to the international carrier at the China consolidation warehouse" }],
  }));
}

export interface CsvLineResult { line: number; ok: boolean; message: string }

/**
 * CSV with a header: order,tracking_number,carrier — `order` is the Shopify order name (#1001) or the JD order id.
 * Each line is applied on its own; a bad line is reported and loses nothing else.
 */
export async function importForwarderCsv(shop: string, text: string): Promise<CsvLineResult[]> {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const results: CsvLineResult[] = [];
  const start = /order/i.test(lines[0] ?? "") ? 1 : 0;
  for (let i = start; i < Math.min(lines.length, start + 2_000); i++) { // bounded per import
    const [orderRef = "", trackingNumber = "", carrier = ""] = lines[i]!.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
    const orders = await db.supplierOrder.findMany({
      where: { shop, supplier: "jd", OR: [{ orderName: orderRef }, { orderName: `#${orderRef.replace(/^#/, "")}` }, { supplierOrderId: orderRef }] },
      select: { id: true },
    });
    if (orders.length !== 1) {
      results.push({ line: i + 1, ok: false, message: orders.length ? `${orderRef} has ${orders.length} JD orders; enter this one on the order page.` : `No JD order ${orderRef}.` });
      continue;
    }
    const r = await recordForwarderParcel(shop, { supplierOrderId: orders[0]!.id, trackingNumber, carrier, source: "csv" });
    results.push({ line: i + 1, ok: r.ok, message: r.ok ? (r.created ? `${orderRef}: ${trackingNumber} added.` : `${orderRef}: ${trackingNumber} was already there.`) : `${orderRef}: ${r.message}` });
  }
  return results;
}

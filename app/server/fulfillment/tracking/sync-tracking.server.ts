// Supplier parcels → one Shopify fulfillment with every valid tracking number, then each carrier scan posted
// once as a fulfillment event. Lookups before writes make a crashed run safe to repeat.
import db from "../../../db.server";
import { adminClientForShop } from "../../shopify/admin.server";
import type { AdminClient } from "../../shopify/admin-client";
import type { Parcel } from "../../suppliers/supplier-order-models";
import { supplierAdapter } from "../supplier-gateway.server";
import { getSettings } from "../settings.server";
import { loadSupplierOrder, recordEvent, transition, update, type SupplierOrderRow } from "../supplier-orders.server";
import { TRACKED, type SupplierOrderState } from "../state-machine";
import { createFulfillment, existingFulfillments, updateTracking } from "../shopify/fulfillment-api.server";
import { carrierFor, trackingPageFor, TRACKING_NUMBER_FLAG, validateTrackingNumber, type TrackingNumberCheck } from "./carriers";
import { postTrackingEvents } from "./post-events.server";
import type { PlannedLine } from "../fulfillment-plan.server";
import { isRedacted } from "../../compliance/redaction-markers.server";
import { storedText } from "../order-text";

export async function syncTracking(id: string): Promise<string> {
  let row = await loadSupplierOrder(id);
  if (!row || !TRACKED.includes(row.state as SupplierOrderState)) return row?.state ?? "missing";
  // After customers/redact, tracking is not fetched again: it would write the erased numbers back.
  if (await isRedacted(row.shop, [row.orderGid])) return "redacted";
  const adapter = await supplierAdapter(row.shop, row.supplier);
  const tracking = await adapter.getTracking(row.idempotencyKey);
  if (!tracking.ok) return tracking.error.retryable ? "supplier-unavailable" : "no-tracking";
  const parcels = await validParcels(row, tracking.value.parcels);
  // A number the carrier has never scanned shows buyers an empty tracking page (the top complaint about suppliers
  // that "sync before dispatch"), so a parcel joins the fulfillment, and the buyer hears of it, at its first scan.
  const scanned = parcels.filter((p) => p.events.length > 0);
  if (scanned.length < parcels.length) await noteUnscanned(row, parcels.filter((p) => p.events.length === 0));
  if (scanned.length === 0) return row.state;

  const shop = row.shop;
  let client: Promise<AdminClient> | null = null;
  const admin = () => (client ??= adminClientForShop(shop)); // opened only when Shopify must hear something
  row = await ensureFulfillment(admin, row, scanned);
  if (!row) return "raced";
  const latest = await postTrackingEvents(admin, row, parcels);
  const state = await applyMovement(row, parcels, latest);
  for (const p of scanned) if (p.warning) await flagTrackingNumber(row, p, p.warning);
  return state;
}

// Flags that clear themselves with the next scan (stuck shipments); a doubtful number stays flagged.
const clearedFlags = (row: SupplierOrderRow) => (row.flagCode === TRACKING_NUMBER_FLAG ? {} : { flagCode: null, flaggedAt: null });

async function noteUnscanned(row: SupplierOrderRow, parcels: Parcel[]): Promise<void> {
  for (const p of parcels) {
    const message = storedText("order:event.trackingUnscanned", { number: p.trackingNumber });
    if (!(await db.supplierOrderEvent.count({ where: { supplierOrderId: row.id, kind: "carrier", message } }))) await recordEvent(row.id, "carrier", message);
  }
}

type CheckedParcel = Parcel & { warning?: TrackingWarning };
type TrackingWarning = NonNullable<Extract<TrackingNumberCheck, { ok: true }>["warning"]>;

async function validParcels(row: SupplierOrderRow, parcels: readonly Parcel[]): Promise<CheckedParcel[]> {
  const valid: CheckedParcel[] = [];
  for (const p of parcels) {
    const check = validateTrackingNumber(p.trackingNumber);
    if (check.ok) valid.push({ ...p, trackingNumber: check.number, ...(check.warning ? { warning: check.warning } : {}) });
    else {
      // Told once per order, whatever the number (the other two match events recorded in earlier wordings).
      const seen = await db.supplierOrderEvent.count({ where: { supplierOrderId: row.id, kind: "carrier", OR: [
        { message: { contains: "order:tracking.notUsed." } }, { message: { contains: "order:event.trackingNotUsed" } }, { message: { contains: "not used" } },
      ] } });
      if (!seen) await recordEvent(row.id, "carrier", storedText(`order:tracking.notUsed.${check.reason}`));
    }
  }
  return valid;
}

/**
 * A number we pass on but doubt (bad S10 check digit): the merchant is told once, on the order's timeline and in
 * "Needs attention", with the carrier's tracking page to check it against.
 */
async function flagTrackingNumber(row: SupplierOrderRow, parcel: Parcel, warning: TrackingWarning): Promise<void> {
  const page = trackingPageFor(parcel.carrier.name, parcel.carrier.code, parcel.trackingNumber);
  const message = storedText(`order:tracking.doubtful.${warning}`, { number: parcel.trackingNumber, page });
  // Once per number; a flag recorded in the earlier wording (English `detail`) counts too.
  const earlier = { AND: [{ message: { contains: "order:event.trackingDoubtful" } }, { message: { contains: `"number":${JSON.stringify(parcel.trackingNumber)}` } }] };
  if (await db.supplierOrderEvent.count({ where: { supplierOrderId: row.id, kind: "flag", OR: [{ message }, earlier] } })) return;
  await db.supplierOrder.updateMany({ where: { id: row.id, flagCode: null }, data: { flagCode: TRACKING_NUMBER_FLAG, flaggedAt: new Date() } });
  await recordEvent(row.id, "flag", message);
}

async function ensureFulfillment(admin: () => Promise<AdminClient>, row: SupplierOrderRow, parcels: Parcel[]): Promise<SupplierOrderRow | null> {
  const numbers = parcels.map((p) => p.trackingNumber);
  const known = (row.trackingNumbers as string[] | null) ?? [];
  if (row.fulfillmentGid && numbers.every((n) => known.includes(n))) return row;
  const carrier = carrierFor(parcels[0]!.carrier.name, parcels[0]!.carrier.code, numbers[0]!);
  const tracking = { company: carrier.company, numbers, ...(carrier.url ? { urls: numbers.map((n) => carrierFor("", undefined, n).url!) } : {}) };
  const settings = await getSettings(row.shop);
  if (row.fulfillmentGid) {
    await updateTracking(await admin(), row.fulfillmentGid, tracking, settings.notifyCustomer);
    await recordEvent(row.id, "shopify", storedText("order:event.trackingAdded", { numbers: numbers.filter((n) => !known.includes(n)).join(", ") }));
    return update(row, { trackingNumbers: numbers });
  }
  // A run that died after fulfillmentCreate left a fulfillment with our number on the FO: adopt it.
  const existing = (await existingFulfillments(await admin(), row.fulfillmentOrderGid))
    .find((f) => f.trackingInfo.some((t) => t.number && numbers.includes(t.number)));
  const lines = (row.lines as unknown as PlannedLine[]).map((l) => ({ id: l.foLineItemGid, quantity: l.quantity }));
  const fulfillmentGid = existing?.id ?? await createFulfillment(await admin(), {
    fulfillmentOrderGid: row.fulfillmentOrderGid, lines, tracking, notifyCustomer: settings.notifyCustomer,
  });
  const data = { fulfillmentGid, trackingNumbers: numbers, carrier: carrier.company, trackingUrl: carrier.url ?? null, shippedAt: new Date(), lastMovementAt: new Date(), ...clearedFlags(row) };
  const message = storedText(settings.notifyCustomer ? "order:event.shippedNotified" : "order:event.shipped", { carrier: carrier.company, numbers: numbers.join(", ") });
  return transition(row, "shipped", message, data);
}

async function applyMovement(row: SupplierOrderRow, parcels: Parcel[], latestScanAt: Date | null): Promise<string> {
  const statuses = parcels.map((p) => p.status);
  const data = latestScanAt && (!row.lastMovementAt || latestScanAt > row.lastMovementAt)
    ? { lastMovementAt: latestScanAt, ...clearedFlags(row) } : {};
  let target: SupplierOrderState | null = null;
  if (statuses.every((s) => s === "delivered")) target = "delivered";
  else if (statuses.some((s) => s === "exception" || s === "returning")) target = "exception";
  else if (row.state === "exception") target = "shipped";
  if (target && target !== row.state) {
    const extra = target === "delivered" ? { deliveredAt: latestScanAt ?? new Date() } : {};
    const reason = target === "exception" ? { reasonCode: "CARRIER_EXCEPTION", reasonMessage: storedText("order:reason.carrierException"), fixHint: storedText("order:fix.carrierException") } : {};
    const message = storedText(target === "delivered" ? "order:event.delivered" : target === "exception" ? "order:event.exception" : "order:event.movingAgain");
    const moved = await transition(row, target, message, { ...data, ...extra, ...reason });
    return moved?.state ?? row.state;
  }
  if (Object.keys(data).length) await update(row, data);
  return row.state;
}

// Answers Shopify's fulfillment and cancellation requests for our warehouses' fulfillment orders.
import type { Prisma } from "@prisma/client";
import db from "../../db.server";
import { adminClientForShop } from "../shopify/admin.server";
import type { AdminClient } from "../shopify/admin-client";
import { supplierOrderKey } from "./order-keys";
import { planFulfillmentOrder, type PlannedLine } from "./fulfillment-plan.server";
import type { EventKind, SupplierOrderRow } from "./supplier-orders.server";
import { enqueuePlacement } from "./queues.server";
import { cancelSupplierOrder } from "./cancellation.server";
import { orderText, storedText, storedTexts, textMessage } from "./order-text";
import { shopNotes } from "./notes.server";
import { translator } from "../../i18n/translate.server";
import { shopLocale } from "../shops.server";
import {
  acceptCancellationRequest, acceptFulfillmentRequest, assignedFulfillmentOrders, orderFulfillmentOrders,
  rejectCancellationRequest, rejectFulfillmentRequest, type AssignedFulfillmentOrder,
} from "./shopify/fulfillment-api.server";

export type RequestKind = "FULFILLMENT_REQUEST" | "CANCELLATION_REQUEST";

export async function processFulfillmentRequests(shop: string, kind: RequestKind): Promise<{ handled: number }> {
  const admin = await adminClientForShop(shop);
  const status = kind === "FULFILLMENT_REQUEST" ? "FULFILLMENT_REQUESTED" : "CANCELLATION_REQUESTED";
  let handled = 0;
  for await (const fo of assignedFulfillmentOrders(admin, status)) {
    if (kind === "FULFILLMENT_REQUEST") await answerFulfillmentRequest(admin, shop, fo);
    else await answerCancellationRequest(admin, shop, fo);
    handled++;
  }
  return { handled };
}

/** Backstop for a lost notification: orders/create looks at the order's own fulfillment orders. */
export async function syncOrderRequests(shop: string, orderGid: string): Promise<{ handled: number }> {
  const admin = await adminClientForShop(shop);
  let handled = 0;
  for (const fo of await orderFulfillmentOrders(admin, orderGid)) {
    if (fo.requestStatus === "SUBMITTED") await answerFulfillmentRequest(admin, shop, fo);
    else if (fo.requestStatus === "CANCELLATION_REQUESTED") await answerCancellationRequest(admin, shop, fo);
    else continue;
    handled++;
  }
  return { handled };
}

async function warehouseFor(shop: string, fo: AssignedFulfillmentOrder) {
  const locationGid = fo.assignedLocation.location?.id;
  return locationGid ? db.fulfillmentWarehouse.findUnique({ where: { shop_locationGid: { shop, locationGid } } }) : null;
}

/**
 * Supplier-order rows and their placement jobs are written BEFORE Shopify hears "accepted": once accepted the
 * request no longer shows up as requested, so a crash in between must not lose the work. Replays find the rows.
 */
export async function answerFulfillmentRequest(admin: AdminClient, shop: string, fo: AssignedFulfillmentOrder): Promise<void> {
  const warehouse = await warehouseFor(shop, fo);
  if (!warehouse) return; // another app's or a retired location: not ours to answer
  let rows = await db.supplierOrder.findMany({ where: { shop, fulfillmentOrderGid: fo.id } });
  if (rows.length === 0) {
    const plan = await planFulfillmentOrder(shop, fo, warehouse.code);
    if (!plan.ok) {
      // Shopify shows the reason on the order, like the other notes: in the shop staff's language.
      const note = await shopNotes(shop);
      await rejectFulfillmentRequest(admin, fo.id, plan.reason, note(plan.message.key, plan.message.values));
      return;
    }
    for (const order of plan.orders) {
      await createSupplierOrderRow({
        shop, orderGid: fo.orderId, orderName: fo.orderName, fulfillmentOrderGid: fo.id, supplier: order.supplier, warehouse: warehouse.code,
        lines: order.lines, shipTo: { ...plan.shipTo }, currency: plan.currency, revenueMinor: order.revenueMinor, costMinor: order.costMinor,
        costCurrency: order.costCurrency, buyerServiceCode: plan.buyerService.code, buyerServiceName: plan.buyerService.name, event: { kind: "shopify", message: storedTexts(textMessage("order:event.requestReceived", { warehouseCode: warehouse.code, lines: order.lines.length }), ...orderText(order.note)) },
      });
    }
    rows = await db.supplierOrder.findMany({ where: { shop, fulfillmentOrderGid: fo.id } });
    if (rows.length !== plan.orders.length) throw new Error(`supplier orders for ${fo.id} collide with another key; not accepting`);
  }
  for (const row of rows) if (row.state === "pending") await enqueuePlacement(shop, row.id, "0");
  const suppliers = [...new Set(rows.map((r) => r.supplier))].join(", ");
  // Shopify shows these answers on the order: written in the shop staff's language (notes.server.ts).
  const note = await shopNotes(shop);
  await acceptFulfillmentRequest(admin, fo.id, note("notes:requestAccepted", { warehouseCode: warehouse.code, suppliers }));
}

export interface NewSupplierOrder {
  shop: string;
  orderGid: string;
  orderName: string;
  fulfillmentOrderGid: string;
  supplier: string;
  warehouse: string;
  lines: PlannedLine[];
  shipTo: Prisma.InputJsonValue;
  currency: string;
  revenueMinor: number;
  costMinor: number | null;
  costCurrency: string | null;
  buyerServiceCode?: string | null;
  buyerServiceName?: string | null;
  event: { kind: EventKind; message: string };
}

/**
 * Writes one pending supplier order under its derived key (one per fulfillment order, supplier and warehouse).
 * Null when that row already exists: a replay or a concurrent worker created it first, and the unique key is
 * the whole point, so callers treat null as "already done" and read the existing row.
 */
export async function createSupplierOrderRow(order: NewSupplierOrder): Promise<SupplierOrderRow | null> {
  const { event, lines, ...fields } = order;
  try {
    return await db.supplierOrder.create({
      data: {
        ...fields, idempotencyKey: supplierOrderKey(order.shop, order.fulfillmentOrderGid, order.supplier, order.warehouse), state: "pending",
        lines: lines as unknown as Prisma.InputJsonValue[], events: { create: event },
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    return null;
  }
}

export async function answerCancellationRequest(admin: AdminClient, shop: string, fo: AssignedFulfillmentOrder): Promise<void> {
  if (!(await warehouseFor(shop, fo))) return;
  const rows = await db.supplierOrder.findMany({ where: { shop, fulfillmentOrderGid: fo.id } });
  const outcomes = [];
  for (const row of rows) outcomes.push(await cancelSupplierOrder(row.id, storedText("order:event.cancellationRequested")));
  if (outcomes.some((o) => o.outcome === "retry")) throw new Error(`cancellation of ${fo.id} must be retried: supplier unavailable`);
  const refused = outcomes.filter((o) => o.outcome === "refused");
  const note = await shopNotes(shop);
  const t = translator(await shopLocale(shop));
  if (refused.length === 0) {
    await acceptCancellationRequest(admin, fo.id, note("notes:cancellationAccepted"));
  } else {
    // Why each part could not be cancelled, in the same language as the other notes.
    await rejectCancellationRequest(admin, fo.id, refused.flatMap((o) => orderText(o.message).map(t)).join(" "));
  }
}

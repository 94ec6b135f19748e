// What the admin's orders pages show: supplier orders by status tab, and one order's timeline. No PII leaves
// here except the order name the merchant already sees in Shopify.
import { customsFixLinks } from "./preflight/customs-hold.server";
import db from "../../db.server";
import { replacementOf } from "./backup-supplier.server";
import type { Prisma } from "@prisma/client";
import { describeHold, holdsFor } from "./holds.server";
import { orderText } from "./order-text";

export const TABS = {
  attention: { label: "Needs attention", where: { OR: [{ state: { in: ["needs_attention", "awaiting_approval", "failed"] } }, { flagCode: { not: null } }] } },
  supplier: { label: "Awaiting supplier", where: { state: { in: ["pending", "placing", "reserved", "placed"] } } },
  transit: { label: "In transit", where: { state: "shipped" } },
  delivered: { label: "Delivered", where: { state: "delivered" } },
  exceptions: { label: "Exceptions", where: { OR: [{ state: "exception" }, { reasonCode: "CANCEL_REFUSED" }] } },
} satisfies Record<string, { label: string; where: Prisma.SupplierOrderWhereInput }>;

export type TabKey = keyof typeof TABS;
export const isTab = (value: string | null): value is TabKey => !!value && value in TABS;

export async function listSupplierOrders(shop: string, tab: TabKey, take = 50) {
  const [rows, counts] = await Promise.all([
    db.supplierOrder.findMany({
      where: { shop, ...TABS[tab].where }, orderBy: { updatedAt: "desc" }, take,
      select: { id: true, orderName: true, supplier: true, warehouse: true, state: true, supplierOrderId: true, reasonMessage: true, flagCode: true, carrier: true, trackingNumbers: true, updatedAt: true, fulfillmentOrderGid: true },
    }),
    Promise.all(Object.entries(TABS).map(async ([key, t]) => [key, await db.supplierOrder.count({ where: { shop, ...t.where } })] as const)),
  ]);
  const holds = await holdsFor(shop, rows.map((r) => r.fulfillmentOrderGid));
  return {
    rows: rows.map(({ fulfillmentOrderGid, ...r }) => {
      const hold = holds.get(fulfillmentOrderGid);
      return {
        ...r, reason: orderText(r.reasonMessage)[0] ?? null, updatedAt: r.updatedAt.toISOString(), trackingNumbers: (r.trackingNumbers as string[] | null) ?? [], hold: hold ? describeHold(hold) : null,
        // The same hold as Shopify's reason code and notes, for pages that show it in the merchant's language.
        holdReason: hold ? { reason: hold.reason ?? null, notes: hold.reasonNotes ?? null } : null,
      };
    }),
    counts: Object.fromEntries(counts) as Record<TabKey, number>,
  };
}

export async function supplierOrderDetail(shop: string, id: string) {
  const row = await db.supplierOrder.findFirst({
    where: { shop, id },
    include: { events: { orderBy: { at: "asc" } } },
  });
  if (!row) return null;
  const { shipTo: _pii, events, reasonMessage, fixHint, supplierStatus, logisticName: _name, logisticBasis: _basis, ...order } = row;
  const hold = (await holdsFor(shop, [row.fulfillmentOrderGid])).get(row.fulfillmentOrderGid);
  const replacedBy = await replacementOf(row);
  return {
    customsFixLinks: await customsFixLinks(row),
    replacedBy: replacedBy ? { id: replacedBy.id, supplier: replacedBy.supplier, state: replacedBy.state } : null,
    order: {
      ...order, logistic: logisticSent(row), trackingNumbers: (order.trackingNumbers as string[] | null) ?? [], lines: order.lines as { sku: string | null; quantity: number; supplierVariantId: string }[],
      // Catalog messages for the page to translate (order-text.ts); rows from before show as written.
      reason: orderText(reasonMessage), fix: orderText(fixHint), jdSplit: jdSplit(row.supplier, supplierStatus),
    },
    // While Shopify holds the fulfillment order: its reason code and notes, named on the page in the merchant's language.
    hold: hold ? { reason: hold.reason ?? null, notes: hold.reasonNotes ?? null } : null,
    timeline: events.map((e) => ({ id: e.id, kind: e.kind, messages: orderText(e.message), at: e.at.toISOString(), toState: e.toState })),
    actions: {
      approve: ["awaiting_approval", "needs_attention"].includes(row.state) && !hold,
      retry: ["failed", "needs_attention"].includes(row.state) && !replacedBy,
      cancel: !["shipped", "delivered", "exception", "cancelled"].includes(row.state),
      // Give the request back to Shopify (fulfillmentOrderClose) when Silkroute cannot place it.
      handBack: ["failed", "needs_attention", "awaiting_approval"].includes(row.state) && !replacedBy,
    },
  };
}

/** Which shipping method went to the supplier, and why (buyer | mapping | cheapest; null: the supplier adapter chose). */
function logisticSent(row: { logisticName: string | null; logisticBasis: string | null }) {
  if (!row.logisticName) return null;
  return { name: row.logisticName, basis: row.logisticBasis };
}

/** JD's split of the order (jd-child-orders.server.ts), stored in supplierStatus; older rows hold an English line. */
function jdSplit(supplier: string, status: string | null) {
  if (supplier !== "jd" || !status) return null;
  const messages = orderText(status);
  const ours = messages[0]?.key === "order:jdSplit";
  return ours || status.startsWith("JD split") ? messages : null;
}

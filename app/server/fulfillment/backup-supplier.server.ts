// When the primary supplier refuses an order because it lacks the stock or no longer sells an item, the lines
// move to the backup supplier the merchant set on each variant's mapping: a new supplier order of their own,
// under their own derived key, so the existing placement flow (guardrails included) places them exactly once.
import type { Prisma, VariantMapping } from "@prisma/client";
import db from "../../db.server";
import { SUPPLIER_DESCRIPTORS } from "../suppliers/registry";
import type { SupplierError } from "../suppliers/supplier-result";
import type { SupplierCode } from "../suppliers/supplier-models";
import { supplierAdapter } from "./supplier-gateway.server";
import { loadSupplierOrder, recordEvent, transition, type SupplierOrderRow } from "./supplier-orders.server";
import { createSupplierOrderRow } from "./fulfillment-requests.server";
import { cancelSupplierOrder } from "./cancellation.server";
import { enqueuePlacement } from "./queues.server";
import type { PlannedLine } from "./fulfillment-plan.server";
import { formatMoney, money } from "../money";
import { catalogCosts, orderCost } from "./backup-cost.server";

/** Refusals that another supplier may not share; anything else (a bad address, a price change) would recur. */
export const BACKUP_TRIGGERS: ReadonlySet<string> = new Set(["OUT_OF_STOCK", "SUPPLIER_ITEM_NOT_FOUND"]);

const isSupplierCode = (code: string): code is SupplierCode => Object.hasOwn(SUPPLIER_DESCRIPTORS, code);

export function supplierLabel(code: string): string {
  return isSupplierCode(code) ? SUPPLIER_DESCRIPTORS[code].label : code;
}

const SET_A_BACKUP = "Setting a backup supplier on the product's supplier mapping lets Silkroute switch to it automatically when this supplier cannot fill an order (also when you Retry).";

/** Either the switch, or advice to add to the refusal's own fix hint (null: nothing to add). */
export type BackupPlan = { ok: true; supplier: string; lines: PlannedLine[] } | { ok: false; advice: string | null };

/**
 * Which supplier takes over `row`'s lines, or why none can. Only a row placed at the lines' primary supplier
 * falls back: a backup row that fails stays failed (no loops), and one backup supplier must cover every line,
 * because one supplier order can only go to one supplier.
 */
export async function planBackup(row: SupplierOrderRow): Promise<BackupPlan> {
  const lines = row.lines as unknown as PlannedLine[];
  const found = await db.variantMapping.findMany({ where: { shop: row.shop, variantGid: { in: lines.map((l) => l.variantGid) } } });
  const mappings = new Map<string, VariantMapping>(found.map((m) => [m.variantGid, m]));
  const mapped = lines.map((l) => mappings.get(l.variantGid));
  if (mapped.some((m) => m && m.supplier !== row.supplier)) {
    return { ok: false, advice: mapped.some((m) => m?.backupSupplier === row.supplier) ? "This is already the backup supplier for these items, so Silkroute does not switch again." : null };
  }
  const backups = mapped.map((m) => (m?.backupSupplier && m.backupSku && m.backupSupplier !== row.supplier ? m : null));
  if (backups.some((m) => !m)) return { ok: false, advice: SET_A_BACKUP };
  const suppliers = new Set(backups.map((m) => m!.backupSupplier!));
  if (suppliers.size > 1) {
    return { ok: false, advice: `Silkroute did not switch: these items have different backup suppliers (${[...suppliers].map(supplierLabel).join(", ")}) and one supplier order goes to one supplier. Give them the same backup supplier, then Retry.` };
  }
  const [supplier] = suppliers as Set<string>;
  // The backup's cost up front, from its catalog, so the cost limits can let it go out unattended.
  const costs = await catalogCosts(row.shop, supplier!, backups.map((m) => ({ productId: m!.backupProductId, variantId: m!.backupSku! })));
  return {
    ok: true, supplier: supplier!,
    lines: lines.map((l, i) => {
      const cost = costs.get(backups[i]!.backupSku!);
      return { ...l, supplierVariantId: backups[i]!.backupSku!, costMinor: cost?.amount ?? null, costCurrency: cost?.currency ?? null };
    }),
  };
}

/**
 * `row`'s supplier refused to create it (nothing exists there under our key), for a reason in BACKUP_TRIGGERS.
 * The backup row is written BEFORE the primary is marked failed: a job that dies in between re-runs, is
 * refused again and finds the backup row by its unique key instead of writing a second one.
 */
export async function failOverToBackup(row: SupplierOrderRow, error: SupplierError, handling: { code: string; fix: string }): Promise<void> {
  const fail = (fixHint: string) => transition(row, "failed", error.message, { reasonCode: handling.code, reasonMessage: error.message, fixHint });
  const plan: BackupPlan = row.cancelRequestedAt ? { ok: false, advice: null } : await planBackup(row);
  if (!plan.ok) {
    await fail(plan.advice ? `${handling.fix} ${plan.advice}` : handling.fix);
    return;
  }
  const label = supplierLabel(plan.supplier);
  const unusable = await backupUnusable(row.shop, plan.supplier);
  if (unusable) {
    await fail(`${handling.fix} The backup supplier ${label} could not be used: ${unusable}`);
    return;
  }
  const items = plan.lines.map((l) => `${l.quantity} × ${l.sku ?? l.supplierVariantId}`).join(", ");
  const cost = orderCost(plan.lines);
  const costNote = cost.costMinor !== null
    ? `Its cost from ${label}'s catalog, ${formatMoney(money(cost.costMinor, cost.costCurrency!))}, is checked against your cost limits before it is sent.`
    : `${label}'s catalog price for these items could not be read, so the cost limits cannot pass it unattended.`;
  const backup = await createSupplierOrderRow({
    shop: row.shop, orderGid: row.orderGid, orderName: row.orderName, fulfillmentOrderGid: row.fulfillmentOrderGid, supplier: plan.supplier,
    warehouse: row.warehouse, lines: plan.lines, shipTo: row.shipTo as Prisma.InputJsonValue, currency: row.currency, revenueMinor: row.revenueMinor,
    ...cost,
    event: { kind: "state", message: `Created to replace the ${supplierLabel(row.supplier)} order, which could not be filled (${handling.code.toLowerCase().replaceAll("_", " ")}): ${label} is the backup supplier on these products' mappings. ${costNote}` },
  }) ?? (await existingBackup(row, plan));
  if (!backup) {
    await fail(`${handling.fix} Silkroute could not switch to the backup supplier ${label}: a separate ${label} order already exists for this fulfillment order.`);
    return;
  }
  if (backup.state === "failed" || backup.state === "cancelled") {
    const what = backup.state === "failed" ? "could not fill these items either" : "order for these items was cancelled";
    await fail(`The backup supplier ${label} ${what} (see its order), so Silkroute does not switch again. Wait for restock and Retry, or Cancel and refund the customer.`);
    return;
  }
  const moved = await fail(`Nothing to do here: Silkroute switched these items to the backup supplier ${label}, whose order is in your list. Retrying this one would order them twice.`);
  // A cancellation that arrived meanwhile may have listed this order's rows before the backup row existed.
  const now = await loadSupplierOrder(row.id);
  if (now?.cancelRequestedAt || now?.state === "cancelled") {
    await cancelSupplierOrder(backup.id, "The order was cancelled while Silkroute switched to the backup supplier.");
    return;
  }
  if (moved) {
    await recordEvent(row.id, "supplier", `${supplierLabel(row.supplier)} could not fill this order, so Silkroute is switching to your backup supplier ${label} for ${items}. That order is placed separately; nothing was ordered here.`);
  }
  if (backup.state === "pending") await enqueuePlacement(row.shop, backup.id, "0");
}

/** The row a previous run (or a concurrent worker) wrote for this switch, if the one under the unique key is it. */
async function existingBackup(row: SupplierOrderRow, plan: { supplier: string; lines: PlannedLine[] }): Promise<SupplierOrderRow | null> {
  const existing = await db.supplierOrder.findUnique({
    where: { shop_fulfillmentOrderGid_supplier_warehouse: { shop: row.shop, fulfillmentOrderGid: row.fulfillmentOrderGid, supplier: plan.supplier, warehouse: row.warehouse } },
  });
  return existing && sameItems(existing, plan.lines) ? existing : null;
}

function sameItems(row: SupplierOrderRow, lines: PlannedLine[]): boolean {
  const ids = (l: PlannedLine[]) => l.map((x) => x.foLineItemGid).sort().join("|");
  return ids(row.lines as unknown as PlannedLine[]) === ids(lines);
}

/** A backup the shop never connected would be written and then stall; say so on the failed order instead. */
async function backupUnusable(shop: string, supplier: string): Promise<string | null> {
  if (!isSupplierCode(supplier)) return `Silkroute does not know a supplier called "${supplier}". Fix the backup supplier on the product's mapping.`;
  try {
    await supplierAdapter(shop, supplier);
    return null;
  } catch (error) {
    return `${(error as Error).message}. Connect it in Settings → Suppliers, then Retry.`;
  }
}

/** The live backup order that carries a failed row's items: the admin should not offer to Retry that row, which would order them twice. */
export async function replacementOf(row: SupplierOrderRow): Promise<Pick<SupplierOrderRow, "id" | "supplier" | "state"> | null> {
  if (row.state !== "failed") return null;
  const siblings = await db.supplierOrder.findMany({
    where: { shop: row.shop, fulfillmentOrderGid: row.fulfillmentOrderGid, warehouse: row.warehouse, supplier: { not: row.supplier }, state: { notIn: ["failed", "cancelled"] } },
  });
  const replacement = siblings.find((s) => sameItems(s, row.lines as unknown as PlannedLine[]));
  return replacement ? { id: replacement.id, supplier: replacement.supplier, state: replacement.state } : null;
}

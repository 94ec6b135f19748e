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
import { orderText, storedText, storedTexts, textMessage } from "./order-text";
import type { Message } from "../../i18n/message";

/** Refusals that another supplier may not share; anything else (a bad address, a price change) would recur. */
export const BACKUP_TRIGGERS: ReadonlySet<string> = new Set(["OUT_OF_STOCK", "SUPPLIER_ITEM_NOT_FOUND"]);

const isSupplierCode = (code: string): code is SupplierCode => Object.hasOwn(SUPPLIER_DESCRIPTORS, code);

export function supplierLabel(code: string): string {
  return isSupplierCode(code) ? SUPPLIER_DESCRIPTORS[code].label : code;
}

const SET_A_BACKUP = textMessage("order:fix.setABackup");

/** Either the switch, or advice (a catalog message) to add to the refusal's own fix hint (null: nothing to add). */
export type BackupPlan = { ok: true; supplier: string; lines: PlannedLine[] } | { ok: false; advice: Message | null };

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
    return { ok: false, advice: mapped.some((m) => m?.backupSupplier === row.supplier) ? textMessage("order:fix.alreadyTheBackup") : null };
  }
  const backups = mapped.map((m) => (m?.backupSupplier && m.backupSku && m.backupSupplier !== row.supplier ? m : null));
  if (backups.some((m) => !m)) return { ok: false, advice: SET_A_BACKUP };
  const suppliers = new Set(backups.map((m) => m!.backupSupplier!));
  if (suppliers.size > 1) {
    return { ok: false, advice: textMessage("order:fix.differentBackups", { suppliers: [...suppliers].map(supplierLabel).join(", ") }) };
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
  // fixHint: the refusal's own fix (a stored message), then what the switch adds, or what replaces it.
  const said = storedText("order:reason.supplierSaid", { detail: error.message });
  const fail = (fixHint: string) => transition(row, "failed", said, { reasonCode: handling.code, reasonMessage: said, fixHint });
  const withFix = (...more: Message[]) => storedTexts(...orderText(handling.fix), ...more);
  const plan: BackupPlan = row.cancelRequestedAt ? { ok: false, advice: null } : await planBackup(row);
  if (!plan.ok) {
    await fail(plan.advice ? withFix(plan.advice) : handling.fix);
    return;
  }
  const unusable = await backupUnusable(row.shop, plan.supplier);
  if (unusable) {
    await fail(withFix(textMessage("order:fix.backupUnusable", { backup: plan.supplier }), unusable));
    return;
  }
  const items = plan.lines.map((l) => `${l.quantity} × ${l.sku ?? l.supplierVariantId}`).join(", ");
  const cost = orderCost(plan.lines);
  const costNote = cost.costMinor !== null
    ? textMessage("order:event.backupCost", { backup: plan.supplier, cost: formatMoney(money(cost.costMinor, cost.costCurrency!)) })
    : textMessage("order:event.backupCostUnknown", { backup: plan.supplier });
  const backup = await createSupplierOrderRow({
    shop: row.shop, orderGid: row.orderGid, orderName: row.orderName, fulfillmentOrderGid: row.fulfillmentOrderGid, supplier: plan.supplier,
    warehouse: row.warehouse, lines: plan.lines, shipTo: row.shipTo as Prisma.InputJsonValue, currency: row.currency, revenueMinor: row.revenueMinor,
    ...cost,
    event: { kind: "state", message: storedTexts(textMessage(`order:event.backupCreated.${handling.code}`, { supplier: row.supplier, backup: plan.supplier }), costNote) },
  }) ?? (await existingBackup(row, plan));
  if (!backup) {
    await fail(withFix(textMessage("order:fix.backupExists", { backup: plan.supplier })));
    return;
  }
  if (backup.state === "failed" || backup.state === "cancelled") {
    await fail(storedText(backup.state === "failed" ? "order:fix.backupFailedToo" : "order:fix.backupCancelled", { backup: plan.supplier }));
    return;
  }
  const moved = await fail(storedText("order:fix.switchedToBackup", { backup: plan.supplier }));
  // A cancellation that arrived meanwhile may have listed this order's rows before the backup row existed.
  const now = await loadSupplierOrder(row.id);
  if (now?.cancelRequestedAt || now?.state === "cancelled") {
    await cancelSupplierOrder(backup.id, storedText("order:event.cancelledDuringSwitch"));
    return;
  }
  if (moved) {
    await recordEvent(row.id, "supplier", storedText("order:event.switchingToBackup", { supplier: row.supplier, backup: plan.supplier, items }));
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
async function backupUnusable(shop: string, supplier: string): Promise<Message | null> {
  if (!isSupplierCode(supplier)) return textMessage("order:fix.unknownBackup", { backup: supplier });
  try {
    await supplierAdapter(shop, supplier);
    return null;
  } catch (error) {
    return textMessage("order:fix.connectBackup", { detail: (error as Error).message });
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

// Persistence of supplier orders: compare-and-set transitions and the timeline.
import type { Prisma, SupplierOrder } from "@prisma/client";
import db from "../../db.server";
import { assertTransition, type SupplierOrderState } from "./state-machine";

export type SupplierOrderRow = SupplierOrder;
export type EventKind = "state" | "supplier" | "carrier" | "shopify" | "flag";

export async function loadSupplierOrder(id: string): Promise<SupplierOrderRow | null> {
  return db.supplierOrder.findUnique({ where: { id } });
}

export async function recordEvent(supplierOrderId: string, kind: EventKind, message: string, at?: Date): Promise<void> {
  await db.supplierOrderEvent.create({ data: { supplierOrderId, kind, message, ...(at ? { at } : {}) } });
}

/**
 * Moves `row` from its current state to `to` only if nobody else moved it first (state + version CAS).
 * Returns the updated row, or null when another worker won; the caller then reloads and re-decides.
 */
export async function transition(
  row: Pick<SupplierOrderRow, "id" | "state" | "version">,
  to: SupplierOrderState,
  message: string,
  data: Prisma.SupplierOrderUpdateManyMutationInput = {},
): Promise<SupplierOrderRow | null> {
  assertTransition(row.state, to);
  const moved = await casUpdate(row, { ...data, state: to });
  if (moved) await db.supplierOrderEvent.create({ data: { supplierOrderId: row.id, kind: "state", fromState: row.state, toState: to, message } });
  return moved;
}

/** Updates fields without a state change, still guarded by the version so stale workers lose. */
export async function update(
  row: Pick<SupplierOrderRow, "id" | "state" | "version">,
  data: Prisma.SupplierOrderUpdateManyMutationInput,
): Promise<SupplierOrderRow | null> {
  return casUpdate(row, data);
}

/** One statement: UPDATE … WHERE id, state, version RETURNING *; a miss (another worker won) is null. */
async function casUpdate(
  row: Pick<SupplierOrderRow, "id" | "state" | "version">,
  data: Prisma.SupplierOrderUpdateManyMutationInput,
): Promise<SupplierOrderRow | null> {
  try {
    return await db.supplierOrder.update({ where: { id: row.id, state: row.state, version: row.version }, data: { ...data, version: { increment: 1 } } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2025") return null;
    throw error;
  }
}

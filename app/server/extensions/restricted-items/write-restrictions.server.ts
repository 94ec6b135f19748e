/**
 * Writes each mapped variant's restriction data (`$app:silkroute` / `restrictions`) for the restricted-items
 * validation Function, which cannot call our servers. Driven entirely from persisted state (the shop's effective
 * rate cards and its VariantMapping rows), and metafieldsSet overwrites, so running it twice, or again after a
 * crash half-way, ends in the same values. Call it after rate cards or mappings change.
 */
import db from "../../../db.server";
import type { AdminClient } from "../../shopify/admin-client";
import { currentWarehouseRegistry } from "../../warehouses/registry.server";
import { effectiveRateCards } from "../../shipping/rate-cards.server";
import { RESTRICTIONS_SET } from "./documents";
import { parseFlags, restrictionCalculator, type RestrictionValue } from "./restrictions";

export const RESTRICTIONS_METAFIELD = { namespace: "$app:silkroute", key: "restrictions", type: "json" } as const;

/** metafieldsSet takes at most 25 metafields per call (Admin API 2026-10, MetafieldsSetInput docs). */
const BATCH = 25;
/** Variants always carried: written too, so a flag the merchant removed stops blocking checkout. */
const CARRIED: Omit<RestrictionValue, "flags"> = { default: "carried", exceptions: [] };

/** Countries of the warehouses reporting stock for the variant (the same warehouses the rate engine uses). */
function stockedOrigins(stock: unknown): string[] {
  if (!stock || typeof stock !== "object") return [];
  const stocked = Object.entries(stock as Record<string, unknown>).filter(([, q]) => typeof q === "number" && q > 0);
  const registry = currentWarehouseRegistry();
  return [...new Set(stocked.flatMap(([id]) => registry.get(id)?.country ?? []))];
}

export interface RestrictionsWriteResult { variants: number; restricted: number }

export async function writeRestrictionMetafields(shop: string, admin: AdminClient): Promise<RestrictionsWriteResult> {
  const calculate = restrictionCalculator(await effectiveRateCards(shop));
  let restricted = 0;
  let variants = 0;
  let cursor: string | undefined;
  for (;;) {
    // Paged by id so a shop with many mappings never loads them all at once.
    const rows = await db.variantMapping.findMany({
      where: { shop, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, variantGid: true, flags: true, stock: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (!rows.length) break;
    cursor = rows.at(-1)!.id;
    const metafields = rows.map((row) => {
      const value = calculate(parseFlags(row.flags), stockedOrigins(row.stock)) ?? { flags: [], ...CARRIED };
      if (value.default === "blocked" || value.exceptions.length) restricted += 1;
      return { ...RESTRICTIONS_METAFIELD, ownerId: row.variantGid, value: JSON.stringify(value) };
    });
    await admin.request(RESTRICTIONS_SET, { metafields });
    variants += rows.length;
  }
  return { variants, restricted };
}

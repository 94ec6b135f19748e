/**
 * The store's only database access, behind an interface so tests can count queries. Every query selects
 * just the lookup keys and the fields the engine needs; pages walk the (shop, variantGid) unique index.
 */
import db from "../../../db.server";
import type { MappingRecord } from "./mapping-table";

export interface MappingVersion {
  readonly count: number;
  readonly maxUpdatedAt: number; // ms; 0 when the shop has no mappings
}

export interface MappingSource {
  /** Mappings ordered by variant GID, after `afterVariantGid` (exclusive). */
  page(shop: string, afterVariantGid: string | null, limit: number): Promise<MappingRecord[]>;
  /** Mappings updated at or after `sinceMs`. */
  changedSince(shop: string, sinceMs: number): Promise<MappingRecord[]>;
  version(shop: string): Promise<MappingVersion>;
  variantGids(shop: string): Promise<string[]>;
  /** Cold-shop lookups while the bulk load runs: the lines' own rows only. */
  forVariants(shop: string, variantGids: string[]): Promise<MappingRecord[]>;
  forSkus(shop: string, skus: string[]): Promise<MappingRecord[]>;
}

const SELECT = {
  variantGid: true, shopifySku: true, weightGrams: true, lengthMm: true, widthMm: true, heightMm: true,
  hsCode: true, originCountry: true, flags: true, stock: true,
} as const;

export const prismaMappingSource: MappingSource = {
  page: (shop, after, limit) =>
    db.variantMapping.findMany({ where: { shop, ...(after === null ? {} : { variantGid: { gt: after } }) }, orderBy: { variantGid: "asc" }, take: limit, select: SELECT }),
  changedSince: (shop, sinceMs) => db.variantMapping.findMany({ where: { shop, updatedAt: { gte: new Date(sinceMs) } }, select: SELECT }),
  async version(shop) {
    const v = await db.variantMapping.aggregate({ where: { shop }, _count: { _all: true }, _max: { updatedAt: true } });
    return { count: v._count._all, maxUpdatedAt: v._max.updatedAt?.getTime() ?? 0 };
  },
  async variantGids(shop) {
    return (await db.variantMapping.findMany({ where: { shop }, select: { variantGid: true } })).map((r) => r.variantGid);
  },
  // The cold path's two indexed lookups read the same narrow columns as the pages.
  forVariants: async (shop, variantGids) => (variantGids.length === 0 ? [] : db.variantMapping.findMany({ where: { shop, variantGid: { in: variantGids } }, select: SELECT })),
  forSkus: async (shop, skus) => (skus.length === 0 ? [] : db.variantMapping.findMany({ where: { shop, shopifySku: { in: skus } }, select: SELECT })),
};

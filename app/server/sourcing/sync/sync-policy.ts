import { z } from "zod";

/**
 * What sync does when the supplier's facts change, per shop and overridable per product. Stored as JSON
 * (SourcingSettings.syncPolicy, ProductSyncState.policy) and always read through `parseSyncPolicy`, so a
 * missing or older value gets today's defaults.
 */
export const OUT_OF_STOCK_ACTIONS = ["set_zero", "keep_selling", "unpublish"] as const;
export const MARGIN_ACTIONS = ["keep_and_alert", "raise"] as const;

export const SyncPolicySchema = z.object({
  /** set_zero: publish 0 · keep_selling: keep the variant purchasable (inventory policy CONTINUE) · unpublish: draft the product while every variant is out. */
  outOfStock: z.enum(OUT_OF_STOCK_ACTIONS).default("set_zero"),
  /** A SKU the supplier discontinued: draft the product (true) or only publish 0 (false). */
  draftDiscontinued: z.boolean().default(true),
  /** Publish the supplier's count minus this many units… */
  bufferUnits: z.number().int().min(0).max(100_000).default(0),
  /** …and minus this percentage of it (rounded up), whichever removes more. */
  bufferPercent: z.number().min(0).max(100).default(0),
  /** Minimum margin over price, in percent; null disables the guard. */
  marginFloorPercent: z.number().min(0).max(95).nullable().default(null),
  /** When a cost rise breaks the floor: keep the old price and alert, or raise the price to the rules' price. */
  marginAction: z.enum(MARGIN_ACTIONS).default("keep_and_alert"),
  /** A price change larger than this percentage waits for the merchant's approval; null never asks. */
  approvalPercent: z.number().min(0).max(1000).nullable().default(null),
});

export type SyncPolicy = z.infer<typeof SyncPolicySchema>;
export type SyncPolicyOverride = Partial<SyncPolicy>;

export const DEFAULT_SYNC_POLICY: SyncPolicy = SyncPolicySchema.parse({});

export function parseSyncPolicy(value: unknown): SyncPolicy {
  const parsed = SyncPolicySchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SYNC_POLICY;
}

/** A product's override keeps only the keys it sets; invalid keys are dropped rather than failing the sync. */
export function parsePolicyOverride(value: unknown): SyncPolicyOverride {
  if (!value || typeof value !== "object") return {};
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    const field = (SyncPolicySchema.shape as Record<string, z.ZodTypeAny>)[key];
    const parsed = field?.safeParse(raw);
    if (parsed?.success) out[key] = parsed.data;
  }
  return out as SyncPolicyOverride;
}

export function effectivePolicy(shop: SyncPolicy, product: SyncPolicyOverride | null | undefined): SyncPolicy {
  return { ...shop, ...(product ?? {}) };
}

/** Units to publish for a supplier count under the buffer: never negative, never more than the supplier has. */
export function bufferedQuantity(supplierQty: number, policy: Pick<SyncPolicy, "bufferUnits" | "bufferPercent">): number {
  const byPercent = Math.ceil((supplierQty * policy.bufferPercent) / 100);
  return Math.max(0, supplierQty - Math.max(policy.bufferUnits, byPercent));
}

/** Sync schedule bounds: every 5 minutes at most, once a day at least. */
export const SYNC_INTERVAL_MINUTES = { min: 5, max: 24 * 60, default: 15 } as const;

export function clampInterval(minutes: number): number {
  if (!Number.isFinite(minutes)) return SYNC_INTERVAL_MINUTES.default;
  return Math.min(SYNC_INTERVAL_MINUTES.max, Math.max(SYNC_INTERVAL_MINUTES.min, Math.round(minutes)));
}

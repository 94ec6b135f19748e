import { z } from "zod";
import type { FulfillmentSettings } from "@prisma/client";
import db from "../../db.server";
import { parseDecimal } from "../money";
import { setFxOverride } from "../fx/fx-rates.server";

export type Settings = FulfillmentSettings;

const DEFAULTS = {
  mode: "review", maxSupplierCostMinor: null, maxSupplierCostCurrency: "CNY", marginFloorBps: null,
  notifyCustomer: true, cnyPerShopUnit: 7.1, noTrackingDays: 7, noMovementHours: 48,
} as const;

/** A shop without saved settings gets review mode: nothing is bought until the merchant opts in to autopilot. */
export async function getSettings(shop: string): Promise<Settings> {
  const row = await db.fulfillmentSettings.findUnique({ where: { shop } });
  return row ?? { shop, ...DEFAULTS, updatedAt: new Date(0) };
}

const optionalDecimal = z.string().trim().transform((v) => (v === "" ? null : v)).nullable();

export const SettingsForm = z.object({
  mode: z.enum(["auto", "review"]),
  maxSupplierCost: optionalDecimal.refine((v) => v === null || /^\d+(\.\d{1,2})?$/.test(v), "Enter an amount such as 120 or 120.50"),
  maxSupplierCostCurrency: z.enum(["CNY", "USD"]).default("CNY"),
  marginFloorPercent: optionalDecimal.refine((v) => v === null || (/^\d+(\.\d+)?$/.test(v) && Number(v) < 100), "Enter a percentage below 100"),
  notifyCustomer: z.enum(["on", "off"]).transform((v) => v === "on"),
  cnyPerShopUnit: z.coerce.number().positive("Enter a positive exchange rate"),
});

export type SettingsInput = z.input<typeof SettingsForm>;

export async function saveSettings(shop: string, input: Record<string, unknown>): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const parsed = SettingsForm.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  }
  const v = parsed.data;
  const data = {
    mode: v.mode,
    maxSupplierCostMinor: v.maxSupplierCost === null ? null : parseDecimal(v.maxSupplierCost, v.maxSupplierCostCurrency).amount,
    maxSupplierCostCurrency: v.maxSupplierCostCurrency,
    marginFloorBps: v.marginFloorPercent === null ? null : Math.round(Number(v.marginFloorPercent) * 100),
    notifyCustomer: v.notifyCustomer,
    cnyPerShopUnit: v.cnyPerShopUnit,
  };
  const before = await getSettings(shop);
  await db.fulfillmentSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  // The guardrails convert with the FX service's reference rates; a CNY rate the merchant typed in (changed
  // from what was shown) is their manual override for CNY → store currency and wins for this shop.
  if (v.cnyPerShopUnit !== before.cnyPerShopUnit) {
    const currency = (await db.shop.findUnique({ where: { domain: shop }, select: { currencyCode: true } }))?.currencyCode;
    if (currency && currency !== "CNY") await setFxOverride(shop, "CNY", currency, 1 / v.cnyPerShopUnit);
  }
  return { ok: true };
}

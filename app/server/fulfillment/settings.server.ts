import { z } from "zod";
import type { FulfillmentSettings } from "@prisma/client";
import db from "../../db.server";
import { parseDecimal } from "../money";
import { latestFxTable, setFxOverride } from "../fx/fx-rates.server";
import { rateBetween } from "../fx/fx-table";
import { parseComplianceInput } from "../sourcing/compliance/compliance-data";
import { releaseCustomsHolds } from "./preflight/customs-hold.server";

export type Settings = FulfillmentSettings;

const DEFAULTS = {
  mode: "review", maxSupplierCostMinor: null, maxSupplierCostCurrency: "CNY", marginFloorBps: null,
  notifyCustomer: true, cnyPerShopUnit: 7.1, noTrackingDays: 7, noMovementHours: 48, linkedMoveWhen: "out_of_stock",
  gpsrResponsiblePerson: null,
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
  gpsrResponsiblePerson: z.string().optional(),
  cnyRateOverride: optionalDecimal.default("").refine((v) => v === null || (/^\d+(\.\d+)?$/.test(v) && Number(v) > 0), "Enter a positive rate such as 7.12, or leave empty to use the reference rate"),
});

export type SettingsInput = z.input<typeof SettingsForm>;

export async function saveSettings(shop: string, input: Record<string, unknown>): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const parsed = SettingsForm.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  }
  const v = parsed.data;
  const override = v.cnyRateOverride === null ? null : Number(v.cnyRateOverride);
  const data = {
    mode: v.mode,
    maxSupplierCostMinor: v.maxSupplierCost === null ? null : parseDecimal(v.maxSupplierCost, v.maxSupplierCostCurrency).amount,
    maxSupplierCostCurrency: v.maxSupplierCostCurrency,
    marginFloorBps: v.marginFloorPercent === null ? null : Math.round(Number(v.marginFloorPercent) * 100),
    notifyCustomer: v.notifyCustomer,
    ...(override === null ? {} : { cnyPerShopUnit: override }),
    // Absent from the form = unchanged; an empty field clears it. Same length rule as the import list's field.
    ...(v.gpsrResponsiblePerson === undefined ? {} : { gpsrResponsiblePerson: parseComplianceInput({ gpsrResponsiblePerson: v.gpsrResponsiblePerson }).gpsrResponsiblePerson }),
  };
  await db.fulfillmentSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  // The guardrails convert with the reference rates unless the merchant typed their own CNY rate, which then wins
  // for this shop (sourcing's pricing uses the same override); an empty field goes back to the reference.
  const currency = await storeCurrency(shop);
  if (currency !== "CNY") await setFxOverride(shop, "CNY", currency, override === null ? null : 1 / override);
  // The shop's default EU responsible person may complete orders held for customs data.
  if ("gpsrResponsiblePerson" in data) await releaseCustomsHolds(shop);
  return { ok: true };
}

async function storeCurrency(shop: string): Promise<string> {
  return (await db.shop.findUnique({ where: { domain: shop }, select: { currencyCode: true } }))?.currencyCode ?? "USD";
}

export interface ExchangeRateView {
  storeCurrency: string;
  /** Yuan per one unit of the store currency, as the reference table has it. */
  referenceCnyPerUnit: number | null;
  referenceSource: string;
  referenceDate: string;
  /** The merchant's own rate, when set; it wins over the reference. */
  overrideCnyPerUnit: number | null;
}

/** What the settings page shows next to the exchange-rate field: the reference rate, its date, and any override. */
export async function exchangeRateView(shop: string): Promise<ExchangeRateView> {
  const currency = await storeCurrency(shop);
  const table = await latestFxTable();
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  let reference: number | null = null;
  try { reference = round(rateBetween(table, currency, "CNY")); } catch { reference = null; }
  const override = await db.fxOverride.findUnique({ where: { shop_fromCurrency_toCurrency: { shop, fromCurrency: "CNY", toCurrency: currency } } });
  return { storeCurrency: currency, referenceCnyPerUnit: reference, referenceSource: table.source, referenceDate: table.effectiveDate, overrideCnyPerUnit: override ? round(1 / override.rate) : null };
}

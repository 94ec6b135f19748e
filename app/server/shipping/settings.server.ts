/**
 * A shop's shipping settings: stored row ↔ the engine's MerchantRules, and the admin form's validation.
 * Every save bumps `version` and drops the shop's compiled context so the next checkout sees the change.
 */
import { z } from "zod";
import db from "../../db.server";
import { parseDecimal, toDecimalString } from "../money";
import { buildMerchantRules, type MerchantRules } from "./engine";
import { dutyOverridesText, parseDutyOverridesText, storedDutyOverrides } from "./duty-overrides";
import { invalidateShopRateContext } from "./rate-context-cache";
import type { Message } from "../../i18n/message";
import { formIssueMessage } from "../../i18n/form-issue";

export type ShippingSettingsRow = Awaited<ReturnType<typeof db.shippingSettings.findUniqueOrThrow>>;
/** The columns a quote reads (merchantRulesFrom, defaultBoxFrom and the version); the checkout reads only these. */
export const QUOTE_SETTINGS_COLUMNS = [
  "markupKind", "markupPercent", "markupMinor", "handlingFeeMinor", "handlingFeePer", "freeShippingMinor", "freeShippingServices",
  "rulesCurrency", "services", "ddpIncludesTaxes", "iossRegistered", "ukVatRegistered", "auGstRegistered", "dutyOverrides",
  "defaultBoxLengthMm", "defaultBoxWidthMm", "defaultBoxHeightMm", "version",
] as const satisfies readonly (keyof ShippingSettingsRow)[];
export type QuoteSettings = Pick<ShippingSettingsRow, (typeof QUOTE_SETTINGS_COLUMNS)[number]>;

/** A shop without a settings row quotes with the schema's defaults (prisma/models/shipping.prisma), as the row
 *  `getShippingSettings` would create; a test holds the two equal. The first save creates the row and bumps
 *  `version` to 2, so a context built from these defaults is never mistaken for a saved one. */
export const DEFAULT_QUOTE_SETTINGS: QuoteSettings = Object.freeze({
  markupKind: "none", markupPercent: null, markupMinor: null, handlingFeeMinor: null, handlingFeePer: "order", freeShippingMinor: null,
  freeShippingServices: null, rulesCurrency: "USD", services: null, ddpIncludesTaxes: true, iossRegistered: true, ukVatRegistered: true,
  auGstRegistered: true, dutyOverrides: null, defaultBoxLengthMm: 150, defaultBoxWidthMm: 100, defaultBoxHeightMm: 50, version: 1,
});
type ServiceOverrides = Record<string, { hidden?: boolean; name?: string }>;

export interface DefaultBoxCm { length: number; width: number; height: number }

/** Settings as the admin page shows them: amounts as decimal text in the rules currency. */
export interface SettingsForm {
  markupKind: "none" | "percent" | "fixed";
  markupPercent: string;
  markupAmount: string;
  handlingFee: string;
  handlingFeePer: "order" | "parcel";
  freeShippingThreshold: string;
  rulesCurrency: string;
  ddpIncludesTaxes: boolean;
  iossRegistered: boolean;
  ukVatRegistered: boolean;
  auGstRegistered: boolean;
  dutyOverrides: string; // one per line: sku:<SKU>=<percent> or hs:<prefix>=<percent>
  services: ServiceOverrides;
  defaultBoxMm: { length: number; width: number; height: number };
}

export async function getShippingSettings(shop: string): Promise<ShippingSettingsRow> {
  const row = await db.shippingSettings.findUnique({ where: { shop } });
  if (row) return row;
  // The shipping page reads settings from several places at once: a concurrent first read may create the row first.
  return db.shippingSettings.create({ data: { shop } }).catch(async (error) => {
    const created = await db.shippingSettings.findUnique({ where: { shop } });
    if (created) return created;
    throw error;
  });
}

/** Whether the shop's pricing rules price from landed cost, so DDP rates must not add duties again: from the stored
 *  `SourcingSettings.pricingRules` JSON (absent when the shop has no sourcing settings). */
export function pricingRulesIncludeDuties(pricingRules: unknown): boolean {
  return (pricingRules as { includeDuties?: unknown } | null | undefined)?.includeDuties === true;
}

export function merchantRulesFrom(row: QuoteSettings, options: { dutiesInProductPrices?: boolean; ddpAllowed?: boolean } = {}): MerchantRules {
  const currency = row.rulesCurrency;
  const markup: MerchantRules["markup"] =
    row.markupKind === "percent" && row.markupPercent ? { kind: "percent", percent: row.markupPercent }
    : row.markupKind === "fixed" && row.markupMinor ? { kind: "fixed", amountMinor: row.markupMinor, currency }
    : { kind: "none" };
  return buildMerchantRules({
    markup,
    handlingFee: row.handlingFeeMinor ? { amountMinor: row.handlingFeeMinor, currency, per: row.handlingFeePer === "parcel" ? "parcel" : "order" } : null,
    freeShipping: row.freeShippingMinor != null
      ? { thresholdMinor: row.freeShippingMinor, currency, serviceCodes: row.freeShippingServices ? row.freeShippingServices.split(",").filter(Boolean) : null }
      : null,
    services: (row.services ?? {}) as ServiceOverrides,
    ddpIncludesTaxes: row.ddpIncludesTaxes,
    registrations: { ioss: row.iossRegistered, ukVat: row.ukVatRegistered, auGst: row.auGstRegistered },
    dutyOverrides: storedDutyOverrides(row.dutyOverrides),
    dutiesInProductPrices: options.dutiesInProductPrices ?? false,
    ddpAllowed: options.ddpAllowed ?? true,
  });
}

export function defaultBoxFrom(row: QuoteSettings): DefaultBoxCm {
  return { length: row.defaultBoxLengthMm / 10, width: row.defaultBoxWidthMm / 10, height: row.defaultBoxHeightMm / 10 };
}

export function settingsFormFrom(row: ShippingSettingsRow): SettingsForm {
  const text = (minor: number | null) => (minor == null ? "" : toDecimalString({ amount: minor, currency: row.rulesCurrency }));
  return {
    markupKind: (["none", "percent", "fixed"].includes(row.markupKind) ? row.markupKind : "none") as SettingsForm["markupKind"],
    markupPercent: row.markupPercent == null ? "" : String(row.markupPercent),
    markupAmount: text(row.markupMinor),
    handlingFee: text(row.handlingFeeMinor),
    handlingFeePer: row.handlingFeePer === "parcel" ? "parcel" : "order",
    freeShippingThreshold: text(row.freeShippingMinor),
    rulesCurrency: row.rulesCurrency,
    ddpIncludesTaxes: row.ddpIncludesTaxes,
    iossRegistered: row.iossRegistered,
    ukVatRegistered: row.ukVatRegistered,
    auGstRegistered: row.auGstRegistered,
    dutyOverrides: dutyOverridesText(storedDutyOverrides(row.dutyOverrides)),
    services: (row.services ?? {}) as ServiceOverrides,
    defaultBoxMm: { length: row.defaultBoxLengthMm, width: row.defaultBoxWidthMm, height: row.defaultBoxHeightMm },
  };
}

const amountText = z.string().trim().refine((v) => v === "" || /^\d{1,9}(\.\d{1,3})?$/.test(v), "messages:settings.amount");
const boxSide = z.coerce.number().int("messages:settings.wholeMm").min(1, "messages:settings.minMm").max(3000, "messages:settings.maxMm");

const registered = z.preprocess((v) => v === undefined || v === true || v === "true" || v === "on", z.boolean());

export const settingsFormSchema = z.object({
  markupKind: z.enum(["none", "percent", "fixed"]),
  markupPercent: z.string().trim().refine((v) => v === "" || (/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 500), "messages:settings.percent"),
  markupAmount: amountText,
  handlingFee: amountText,
  handlingFeePer: z.enum(["order", "parcel"]),
  freeShippingThreshold: amountText,
  rulesCurrency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "messages:settings.currency"),
  ddpIncludesTaxes: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
  // Registrations default to on when a form leaves them out, matching the column defaults.
  iossRegistered: registered,
  ukVatRegistered: registered,
  auGstRegistered: registered,
  dutyOverrides: z.string().max(50_000).default(""),
  boxLengthMm: boxSide,
  boxWidthMm: boxSide,
  boxHeightMm: boxSide,
}).superRefine((v, ctx) => {
  if (v.markupKind === "percent" && v.markupPercent === "") ctx.addIssue({ code: "custom", path: ["markupPercent"], message: "messages:settings.markupPercent" });
  if (v.markupKind === "fixed" && v.markupAmount === "") ctx.addIssue({ code: "custom", path: ["markupAmount"], message: "messages:settings.markupAmount" });
  const overrides = parseDutyOverridesText(v.dutyOverrides);
  if (!overrides.ok) ctx.addIssue({ code: "custom", path: ["dutyOverrides"], message: overrides.message.key, params: overrides.message.values });
});

export type FieldErrors = Record<string, Message>;

/** Validates and stores the merchant rules form; per-field messages on failure. */
export async function saveShippingSettings(shop: string, input: Record<string, unknown>, services: ServiceOverrides): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const parsed = settingsFormSchema.safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= formIssueMessage(issue);
    return { ok: false, errors };
  }
  const v = parsed.data;
  const minor = (text: string) => (text === "" ? null : parseDecimal(text, v.rulesCurrency).amount);
  await getShippingSettings(shop);
  await db.shippingSettings.update({
    where: { shop },
    data: {
      markupKind: v.markupKind,
      markupPercent: v.markupPercent === "" ? null : Number(v.markupPercent),
      markupMinor: minor(v.markupAmount),
      handlingFeeMinor: minor(v.handlingFee),
      handlingFeePer: v.handlingFeePer,
      freeShippingMinor: minor(v.freeShippingThreshold),
      rulesCurrency: v.rulesCurrency,
      ddpIncludesTaxes: v.ddpIncludesTaxes,
      iossRegistered: v.iossRegistered,
      ukVatRegistered: v.ukVatRegistered,
      auGstRegistered: v.auGstRegistered,
      dutyOverrides: (() => { const o = parseDutyOverridesText(v.dutyOverrides); return o.ok ? o.overrides.map((x) => ({ ...x })) : []; })(),
      services,
      defaultBoxLengthMm: v.boxLengthMm,
      defaultBoxWidthMm: v.boxWidthMm,
      defaultBoxHeightMm: v.boxHeightMm,
      version: { increment: 1 },
    },
  });
  invalidateShopRateContext(shop);
  return { ok: true };
}

/** hide_<code> / rename_<code> form fields → per-service overrides (an empty name keeps the card's name). */
export function servicesFromForm(form: FormData, codes: readonly string[]): ServiceOverrides {
  const out: ServiceOverrides = {};
  for (const code of codes) {
    const hidden = form.get(`hide_${code}`) !== null;
    const name = String(form.get(`rename_${code}`) ?? "").trim().slice(0, 100);
    if (hidden || name) out[code] = { ...(hidden ? { hidden } : {}), ...(name ? { name } : {}) };
  }
  return out;
}

/**
 * The admin rate simulator: the same path as checkout (shop context, supplier mappings by SKU, live FX)
 * with the engine's full breakdown, turned into plain JSON for the page.
 */
import { z } from "zod";
import { cachedFxTable } from "../fx/fx-rates.server";
import { message, type Message } from "../../i18n/message";
import { formIssueMessage } from "../../i18n/form-issue";
import { formatMoney, parseDecimal, type Money } from "../money";
import { enrichItems } from "./carrier-service/enrich";
import { quoteRates, type ParcelBreakdown, type Quote, type RateRequestInput } from "./engine";
import { mappingsForLines } from "./mapping-cache.server";
import { shopRateContext } from "./shop-rate-context.server";

export const SIMULATOR_LINES = 5;

const line = z.object({
  sku: z.string().trim().max(100),
  quantity: z.coerce.number().int().min(1, "messages:simulator.quantityMin").max(10_000),
  grams: z.coerce.number().int().min(0, "messages:simulator.gramsMin").max(1_000_000),
  price: z.string().trim().regex(/^\d{1,9}(\.\d{1,3})?$/, "messages:simulator.price"),
  // Optional: simulate a line as if its product had this HS code (EU duty and fees count distinct 6-digit lines).
  hsCode: z.string().trim().transform((v) => v.replace(/[\s.]/g, "")).pipe(z.string().regex(/^(\d{4}|\d{6,10})?$/, "messages:simulator.hsCode")).optional(),
});

export const simulatorSchema = z.object({
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "messages:simulator.country"),
  postalCode: z.string().trim().max(20),
  province: z.string().trim().max(50),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "messages:simulator.currency"),
  lines: z.array(line).min(1, "messages:simulator.noLines").max(SIMULATOR_LINES),
});

export type SimulatorInput = z.input<typeof simulatorSchema>;

/** Form fields sku_i/quantity_i/grams_i/price_i → lines; a line with neither SKU nor grams is empty. */
export function simulatorInputFromForm(form: FormData) {
  const text = (key: string) => String(form.get(key) ?? "").trim();
  const lines = Array.from({ length: SIMULATOR_LINES }, (_, i) => ({ sku: text(`sku_${i}`), quantity: text(`quantity_${i}`) || "1", grams: text(`grams_${i}`) || "0", price: text(`price_${i}`) || "0", hsCode: text(`hs_${i}`) }))
    .filter((_, i) => text(`sku_${i}`) !== "" || text(`grams_${i}`) !== "");
  return { country: text("country"), postalCode: text("postalCode"), province: text("province"), currency: text("currency"), lines };
}


const show = (m: Money) => ({ minor: m.amount, currency: m.currency, text: formatMoney(m) });

function parcelView(p: ParcelBreakdown) {
  return {
    serviceCode: p.serviceCode, warehouseCode: p.warehouseCode, zoneCode: p.zoneCode, units: p.lines.reduce((a, l) => a + l.quantity, 0),
    actualGrams: p.actualGrams, volumetricGrams: p.volumetricGrams, billableGrams: p.billableGrams, remoteArea: p.remoteArea,
    base: show(p.base), fuel: show(p.fuel), remote: show(p.remote), sensitive: show(p.sensitive), handlingFee: show(p.handlingFee),
    markup: show(p.markup), freeShipping: show(p.freeShipping), total: show(p.total), dispatchDate: p.dispatchDate,
    duties: {
      rule: p.duties.ruleLabel, ruleId: p.duties.ruleId, ruleSource: p.duties.ruleSource, estimate: p.duties.estimate,
      collectedAt: p.duties.collectedAt, consignmentValue: show(p.duties.consignmentValue),
      duty: show(p.duties.duty), tax: show(p.duties.tax), fees: show(p.duties.fees), included: p.duties.included, taxIncluded: p.duties.taxIncluded,
      distinctHsLines: p.duties.distinctHsLines,
      hsLines: p.duties.hsLines.map((l) => ({ hs6: l.hs6, units: l.units, value: show(l.value), duty: show(l.duty), fees: show(l.fees), basis: l.basis })),
      feeCharges: p.duties.feeCharges.map((f) => ({ id: f.id, label: f.label, per: f.per, count: f.count, amount: show(f.amount), source: f.source, estimate: f.estimate })),
    },
  };
}

function quoteView(q: Quote) {
  return {
    serviceCode: q.serviceCode, serviceName: q.serviceName, description: q.description, incoterm: q.incoterm, total: show(q.total),
    minDeliveryDate: q.minDeliveryDateText.slice(0, 10), maxDeliveryDate: q.maxDeliveryDateText.slice(0, 10),
    minDays: q.minTransitBusinessDays, maxDays: q.maxTransitBusinessDays, parcels: q.parcels.map(parcelView),
  };
}

export type SimulatedQuote = ReturnType<typeof quoteView>;
export type SimulationResult =
  | { ok: true; quotes: SimulatedQuote[]; exclusions: { serviceCode: string | null; reason: string; text: Message }[]; mappedLines: number; fxAsOf: string }
  | { ok: false; errors: Record<string, Message> };


export async function simulateRates(shop: string, raw: unknown, now = new Date()): Promise<SimulationResult> {
  const parsed = simulatorSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, Message> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".") || "form"] ??= formIssueMessage(issue);
    return { ok: false, errors };
  }
  const v = parsed.data;
  const input: RateRequestInput = {
    origin: null,
    destination: { country: v.country, postal_code: v.postalCode || null, province: v.province || null, city: null },
    currency: v.currency,
    items: v.lines.map((l) => ({ sku: l.sku || null, variantId: null, quantity: l.quantity, grams: l.grams, priceMinor: parseDecimal(l.price, v.currency).amount })),
  };
  const [context, mappings] = await Promise.all([shopRateContext(shop), mappingsForLines(shop, v.lines.map((l) => ({ variantGid: null, sku: l.sku || null })))]);
  const fx = cachedFxTable();
  const enriched = enrichItems(input, mappings, context.defaultBox);
  const withHs = { ...enriched, items: enriched.items.map((item, i) => (v.lines[i]?.hsCode ? { ...item, supplier: { ...item.supplier, hsCode: v.lines[i]!.hsCode } } : item)) };
  const result = quoteRates(withHs, {
    engine: context.engine, merchantRules: context.merchantRules, fx: { base: fx.base, rates: fx.rates, asOf: fx.effectiveDate }, now,
  });
  return {
    ok: true,
    quotes: result.quotes.map(quoteView),
    // An exclusion without its own message (an error's text, an FX gap) is explained by its reason.
    exclusions: result.exclusions.map((e) => ({ serviceCode: e.serviceCode, reason: e.reason, text: e.text ?? message(`messages:exclusion.reason.${e.reason}`) })),
    mappedLines: mappings.filter(Boolean).length,
    fxAsOf: fx.effectiveDate,
  };
}

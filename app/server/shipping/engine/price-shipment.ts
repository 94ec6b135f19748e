/**
 * Prices one warehouse's lines on one service: parcels, chargeable weight, base, surcharges,
 * merchant adjustments and the duty estimate, each converted to cart currency and rounded once.
 */
import { add, currencyExponent, money, type Money } from "../../money";
import type { Warehouse } from "./card-types";
import { zoneFor, type CompiledCard, type CompiledEngine } from "./compile";
import { dayToIsoDate, dispatchDay } from "./delivery-dates";
import { estimateDuties, type DutyResult } from "./duties/estimate-duties";
import { exclusion } from "./exclusion";
import { convertExact, requireRate, roundMinor, type FxTable } from "./fx";
import { effectiveIncoterm, type MerchantRules } from "./merchant-rules";
import { packParcels, type PlannedParcel } from "./parcels";
import { basePrice } from "./price-model";
import { isRemote } from "./postal";
import type { DutiesEstimate, Exclusion, ParcelBreakdown } from "./quote-types";
import type { RateRequest } from "./request-schema";
import { chargeableWeight } from "./weight";

export interface PricingContext {
  readonly engine: CompiledEngine;
  readonly rules: MerchantRules;
  readonly fx: FxTable;
  readonly now: Date;
  readonly request: RateRequest;
  readonly freeShipping: (serviceCode: string) => boolean;
  /**
   * This request's duty estimates by what they depend on beyond the request: ship-from country, the China default
   * origin, transport and the parcel's units. Services that pack a cart alike share one estimate.
   */
  readonly duties: Map<string, DutyResult>;
}

export interface ShipmentPrice {
  readonly card: CompiledCard;
  readonly parcels: readonly ParcelBreakdown[];
  readonly total: Money;
  readonly dispatchDay: number;
  readonly minDays: number;
  readonly maxDays: number;
}

function toCart(ctx: PricingContext, minor: number, from: string): number {
  const to = ctx.request.currency;
  return convertExact(minor, from, to, requireRate(ctx.fx, from, to));
}

/**
 * `toCart` for many amounts in one currency: the rate and the exponent shift are looked up once per parcel rather
 * than per amount (six per parcel). Same arithmetic in the same order as convertExact, so the same floats.
 */
function cartConverter(ctx: PricingContext, from: string): (minor: number) => number {
  const to = ctx.request.currency;
  if (from === to) return identity;
  const rate = requireRate(ctx.fx, from, to);
  const shift = 10 ** (currencyExponent(to) - currencyExponent(from));
  return (minor) => minor * rate * shift;
}
const identity = (minor: number) => minor;

function priceParcel(ctx: PricingContext, card: CompiledCard, warehouse: Warehouse, parcel: PlannedParcel, first: boolean, zone: NonNullable<ReturnType<typeof zoneFor>>, dispatch: string): ParcelBreakdown | Exclusion {
  const c = card.card;
  const { request, rules } = ctx;
  const cur = request.currency;
  const weight = chargeableWeight(parcel, c.volumetric, c.rounding);
  const base = basePrice(zone.price, weight.billableGrams);
  if (base === null) {
    return exclusion(c.code, "overweight", "messages:exclusion.aboveBands", { grams: weight.billableGrams, zone: zone.zone.code });
  }
  const remoteArea = isRemote(card.remote, request.destination.country, request.destination.postal_code);
  const remote = remoteArea && c.remoteSurcharge
    ? Math.max((c.remoteSurcharge.perKgMinor * weight.billableGrams) / 1000, c.remoteSurcharge.minMinor) : 0;
  const fuel = ((base + remote) * c.fuelPercent) / 100;
  const fromCard = cartConverter(ctx, c.currency);
  const carrierCost = fromCard(base + fuel + remote + parcel.sensitiveMinor);
  const fee = rules.handlingFee;
  const handling = fee && (fee.per === "parcel" || first) ? toCart(ctx, fee.amountMinor, fee.currency) : 0;
  const m = rules.markup;
  const markup = m.kind === "percent" ? (carrierCost * m.percent) / 100 : m.kind === "fixed" && first ? toCart(ctx, m.amountMinor, m.currency) : 0;
  const shownBase = roundMinor(fromCard(base), cur);
  const shownFuel = roundMinor(fromCard(fuel), cur);
  const shownRemote = roundMinor(fromCard(remote), cur);
  const sensitive = roundMinor(fromCard(parcel.sensitiveMinor), cur);
  const handlingFee = roundMinor(handling, cur);
  const shownMarkup = roundMinor(markup, cur);
  const shipping = shownBase.amount + shownFuel.amount + shownRemote.amount + sensitive.amount + handlingFee.amount + shownMarkup.amount;
  const freeShipping = money(ctx.freeShipping(c.code) ? -shipping : 0, cur);
  let dutyKey = `${warehouse.country}|${warehouse.kind === "china" ? 1 : 0}|${c.transport ?? ""}`;
  for (const u of parcel.units) dutyKey += `|${u.lineIndex}:${u.quantity}`;
  let est = ctx.duties.get(dutyKey);
  if (!est) ctx.duties.set(dutyKey, (est = estimateDuties(ctx.engine.dutyRules, {
    shipFromCountry: warehouse.country,
    destinationCountry: request.destination.country,
    province: request.destination.province,
    currency: cur,
    fx: ctx.fx,
    now: ctx.now,
    transport: c.transport,
    registrations: rules.registrations,
    overrides: rules.dutyOverrides,
    lines: parcel.units.map(({ lineIndex, quantity }) => {
      const item = request.items[lineIndex]!;
      return { sku: item.sku, unitPriceMinor: item.priceMinor, quantity, hsCode: item.supplier?.hsCode ?? null, originCountry: item.supplier?.originCountry ?? (warehouse.kind === "china" ? "CN" : null) };
    }),
  })));
  const ddp = effectiveIncoterm(c.incoterm, rules) === "DDP";
  const inProductPrices = ddp && rules.dutiesInProductPrices;
  const included = ddp && !inProductPrices;
  const taxIncluded = ddp && rules.ddpIncludesTaxes;
  // Spelled out rather than spread from `est`, `weight` and the shown amounts: spreading into a literal copies property
  // by property through the runtime, once per card and parcel of every distinct cart. Same keys in the same order.
  const duties: DutiesEstimate = {
    ruleId: est.ruleId, ruleLabel: est.ruleLabel, ruleSource: est.ruleSource, collectedAt: est.collectedAt, consignmentValue: est.consignmentValue,
    duty: est.duty, tax: est.tax, fees: est.fees, feeCharges: est.feeCharges, hsLines: est.hsLines, distinctHsLines: est.distinctHsLines,
    estimate: est.estimate, included, taxIncluded, inProductPrices,
  };
  // DDP prepays duty and import fees (the declarant pays both at import) unless the product prices already carry them;
  // VAT/GST unless the store's tax setup collects it.
  const charged = (included ? est.duty.amount + est.fees.amount : 0) + (taxIncluded ? est.tax.amount : 0);
  return {
    warehouseCode: warehouse.code,
    serviceCode: c.code,
    zoneCode: zone.zone.code,
    lines: parcel.units.map((u) => ({ sku: request.items[u.lineIndex]!.sku, quantity: u.quantity })),
    actualGrams: weight.actualGrams,
    volumetricGrams: weight.volumetricGrams,
    billableGrams: weight.billableGrams,
    remoteArea,
    base: shownBase,
    fuel: shownFuel,
    remote: shownRemote,
    sensitive,
    handlingFee,
    markup: shownMarkup,
    freeShipping,
    duties,
    total: money(shipping + freeShipping.amount + charged, cur),
    dispatchDate: dispatch,
  };
}

/** `orderFees`: charge per-order handling and fixed markup here (true for exactly one shipment per quote). */
export function priceShipment(ctx: PricingContext, card: CompiledCard, warehouse: Warehouse, lineIndexes: readonly number[], orderFees: boolean): ShipmentPrice | Exclusion {
  const c = card.card;
  const country = ctx.request.destination.country;
  const zone = zoneFor(card, country);
  if (!zone) return exclusion(c.code, "no-zone", "messages:exclusion.noZone", { service: c.name, country });
  const packed = packParcels(card, country, ctx.request.items, lineIndexes);
  if (!packed.ok) return packed.exclusion;
  const day = dispatchDay(ctx.now, warehouse.timeZone, card.cutoffMinutes, c.handlingDays);
  const dispatch = dayToIsoDate(day);
  const parcels: ParcelBreakdown[] = [];
  for (const [i, parcel] of packed.parcels.entries()) {
    const priced = priceParcel(ctx, card, warehouse, parcel, orderFees && i === 0, zone, dispatch);
    if ("reason" in priced) return priced;
    parcels.push(priced);
  }
  const total = parcels.reduce((acc, p) => add(acc, p.total), money(0, ctx.request.currency));
  return { card, parcels, total, dispatchDay: day, minDays: zone.minDays, maxDays: zone.maxDays };
}

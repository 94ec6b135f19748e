/**
 * The engine's entry point: a rate request plus context in, quotes and exclusion reasons out.
 * It never throws: the CarrierService callback must answer 200 (an error would force backup rates).
 */
import { add, money } from "../../money";
import { cardsInForce, type CompiledCard, type CompiledEngine } from "./compile";
import { deliveryWindow, type DeliveryWindow } from "./delivery-dates";
import { deliveryStatement, dutiesStatement } from "./describe-quote";
import { exclusion } from "./exclusion";
import { convertExact, fxRate, MissingFxRateError, type FxTable } from "./fx";
import { effectiveIncoterm, type MerchantRules } from "./merchant-rules";
import { priceShipment, type PricingContext, type ShipmentPrice } from "./price-shipment";
import type { Exclusion, ParcelBreakdown, Quote, QuoteResult, Shipment } from "./quote-types";
import { parseValidRateRequest } from "./request-fast-path";
import { parseRateRequest, type RateRequest } from "./request-schema";
import { planShipments } from "./routing";

export interface RateContext {
  readonly engine: CompiledEngine; // compile once per shop with compileRateEngine()
  readonly merchantRules: MerchantRules;
  readonly fx: FxTable;
  readonly now: Date;
}

type Priced = ShipmentPrice | Exclusion | "not-from-origin";

function freeShippingCheck(request: RateRequest, ctx: RateContext): (code: string) => boolean {
  const rule = ctx.merchantRules.freeShipping;
  if (!rule) return () => false;
  const rate = fxRate(ctx.fx, rule.currency, request.currency);
  if (rate === null) return () => false;
  const goods = request.items.reduce((acc, i) => acc + i.priceMinor * i.quantity, 0);
  const reached = goods >= convertExact(rule.thresholdMinor, rule.currency, request.currency, rate);
  return (code) => reached && (rule.serviceCodes === null || rule.serviceCodes.includes(code));
}

function safePrice(pricing: PricingContext, engine: CompiledEngine, shipment: Shipment, first: boolean, card: CompiledCard): Priced {
  const warehouse = engine.warehouses.get(shipment.warehouseCode)!;
  if (!card.origins.has(warehouse.country) || (warehouse.services && !warehouse.services.includes(card.card.code))) return "not-from-origin";
  try {
    return priceShipment(pricing, card, warehouse, shipment.lineIndexes, first);
  } catch (error) {
    const reason = error instanceof MissingFxRateError ? "no-fx-rate" : "internal-error";
    return { serviceCode: card.card.code, reason, detail: error instanceof Error ? error.message : String(error) };
  }
}

// A shop has a handful of card names: each one's DDU form is worked out once (a case-insensitive regex replace per
// quote showed in the callback's profile). Bounded: cleared when full.
const DDU_NAME_LIMIT = 1_000;
const dduNames = new Map<string, string>();

/** A DDP card quoted as DDU (the plan has no duties-included rates) must not promise duties in its name at checkout. */
function nameAsQuoted(name: string, incoterm: "DDP" | "DDU", rules: MerchantRules): string {
  if (effectiveIncoterm(incoterm, rules) === incoterm) return name;
  let ddu = dduNames.get(name);
  if (ddu === undefined) {
    ddu = name.replace(/\s*\((?:duties|duty|duties & taxes) (?:included|paid|prepaid)\)|\s*\bDDP\b/gi, "").trim() || name;
    if (dduNames.size >= DDU_NAME_LIMIT) dduNames.clear();
    dduNames.set(name, ddu);
  }
  return ddu;
}

function assemble(request: RateRequest, ctx: RateContext, parts: readonly ShipmentPrice[], primary: ShipmentPrice): Quote {
  const c = primary.card.card;
  // One pass over the quote's shipments (usually one): its parcels, total, and the slowest shipment's window, which
  // decides the quote's (the first of equals, as before).
  const parcels: ParcelBreakdown[] = [];
  let total = money(0, request.currency);
  let minW: DeliveryWindow | null = null;
  let maxW: DeliveryWindow | null = null;
  let minDays = -Infinity;
  let maxDays = -Infinity;
  for (const p of parts) {
    for (const parcel of p.parcels) parcels.push(parcel);
    total = add(total, p.total);
    const w = deliveryWindow(p.dispatchDay, p.minDays, p.maxDays, request.destination.country);
    if (minW === null || w.minDay > minW.minDay) minW = w;
    if (maxW === null || w.maxDay > maxW.maxDay) maxW = w;
    if (p.minDays > minDays) minDays = p.minDays;
    if (p.maxDays > maxDays) maxDays = p.maxDays;
  }
  if (minW === null || maxW === null) throw new Error("a quote needs at least one shipment");
  const when = deliveryStatement(minDays, maxDays, minW.minText.slice(0, 10), maxW.maxText.slice(0, 10));
  return {
    serviceCode: c.code,
    serviceName: ctx.merchantRules.services[c.code]?.name ?? nameAsQuoted(c.name, c.incoterm, ctx.merchantRules),
    description: `${when}. ${dutiesStatement(parcels, effectiveIncoterm(c.incoterm, ctx.merchantRules), request.currency)}.`,
    incoterm: effectiveIncoterm(c.incoterm, ctx.merchantRules),
    total,
    minDeliveryDate: minW.min,
    maxDeliveryDate: maxW.max,
    minDeliveryDateText: minW.minText,
    maxDeliveryDateText: maxW.maxText,
    minTransitBusinessDays: minDays,
    maxTransitBusinessDays: maxDays,
    parcels,
  };
}

function quoteParsed(request: RateRequest, ctx: RateContext): QuoteResult {
  const { engine } = ctx;
  const shipments = planShipments(request, engine);
  const pricing: PricingContext = { engine, rules: ctx.merchantRules, fx: ctx.fx, now: ctx.now, request, freeShipping: freeShippingCheck(request, ctx), duties: new Map() };
  // matrix[card][shipment]: each pair is priced once and reused as a companion for other quotes.
  const cards = cardsInForce(engine, ctx.now); // the version of each card in force on the order date
  // Plain loops: these run for every card and shipment of every distinct cart, and the closures and intermediate
  // arrays of map/filter/reduce/find showed in the callback's profile. Same order and ties as before.
  const matrix: Priced[][] = new Array(cards.length);
  for (let ci = 0; ci < cards.length; ci++) {
    const row: Priced[] = new Array(shipments.length);
    for (let si = 0; si < shipments.length; si++) row[si] = safePrice(pricing, engine, shipments[si]!, si === 0, cards[ci]!);
    matrix[ci] = row;
  }
  // The cheapest price of each shipment over all cards (the first of equals), a companion for cards that cannot ship it.
  const cheapest: (ShipmentPrice | null)[] = new Array(shipments.length);
  for (let si = 0; si < shipments.length; si++) {
    let best: ShipmentPrice | null = null;
    for (const row of matrix) {
      const p = row[si]!;
      if (typeof p === "object" && "total" in p && (best === null || p.total.amount < best.total.amount)) best = p;
    }
    cheapest[si] = best;
  }
  const quotes: Quote[] = [];
  const exclusions: Exclusion[] = [];
  let shippedFrom: string | undefined;
  for (let ci = 0; ci < cards.length; ci++) {
    const card = cards[ci]!;
    const code = card.card.code;
    if (ctx.merchantRules.services[code]?.hidden) {
      exclusions.push(exclusion(code, "hidden-by-merchant", "messages:exclusion.hidden"));
      continue;
    }
    const row = matrix[ci]!;
    let failure: Exclusion | null = null;
    let fromOrigin = false;
    for (const p of row) {
      if (p === "not-from-origin") continue;
      fromOrigin = true;
      if ("reason" in p) {
        failure = p;
        break;
      }
    }
    if (failure) {
      exclusions.push(failure);
      continue;
    }
    if (!fromOrigin) {
      shippedFrom ??= shipments.map((s) => s.warehouseCode).join(", "); // the same for every card that cannot ship it
      exclusions.push(exclusion(code, "not-from-origin", "messages:exclusion.notFromOrigin", { service: card.card.name, from: shippedFrom }));
      continue;
    }
    const parts: ShipmentPrice[] = new Array(row.length);
    let missing = -1;
    let primary: ShipmentPrice | null = null;
    for (let si = 0; si < row.length; si++) {
      const p = row[si]!;
      const part = p === "not-from-origin" ? cheapest[si]! : (p as ShipmentPrice);
      if (part === null) {
        missing = si;
        break;
      }
      parts[si] = part;
      if (primary === null && part.card === card) primary = part;
    }
    if (missing >= 0) {
      const from = shipments[missing]!.warehouseCode;
      exclusions.push(exclusion(code, "not-from-origin", "messages:exclusion.noServiceFrom", { from }));
      continue;
    }
    quotes.push(assemble(request, ctx, parts, primary!));
  }
  quotes.sort((a, b) => a.total.amount - b.total.amount || a.serviceCode.localeCompare(b.serviceCode));
  return { quotes, exclusions, shipments };
}

export function quoteRates(input: unknown, ctx: RateContext): QuoteResult {
  // Well-formed input (the callback's, already validated at the edge) skips zod; anything else gets its messages.
  const valid = parseValidRateRequest(input);
  const parsed = valid ? { ok: true as const, request: valid } : parseRateRequest(input);
  if (!parsed.ok) return { quotes: [], exclusions: [{ serviceCode: null, reason: "invalid-request", detail: parsed.message }], shipments: [] };
  return quoteValidRequest(parsed.request, ctx);
}

/** `quoteRates` for a request the schema already returned (or its fast path, request-fast-path.ts): no second check. */
export function quoteValidRequest(request: RateRequest, ctx: RateContext): QuoteResult {
  try {
    return quoteParsed(request, ctx);
  } catch (error) {
    // Defensive: a bug must degrade to "no rates" with a reason, never to a 5xx.
    const detail = error instanceof Error ? error.message : String(error);
    return { quotes: [], exclusions: [{ serviceCode: null, reason: "internal-error", detail }], shipments: [] };
  }
}

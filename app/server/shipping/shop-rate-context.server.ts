/**
 * Everything the callback needs to quote for a shop, compiled once and kept in memory: the engine built
 * from the shop's cards, its merchant rules and default box. Loads are single-flight per shop; writes in
 * this process invalidate at once, other processes (multi-instance deployments) within RATE_CONTEXT_TTL_MS.
 */
import { planAllows } from "../billing/entitlements.server";
import { latestFxTable } from "../fx/fx-rates.server";
import type { CompiledEngine, MerchantRules } from "./engine";
import { RATE_CONTEXT_TTL_MS, rateContextSlots, type CacheSlot } from "./rate-context-cache";
import { compileCards, effectiveRateCardSet } from "./rate-cards.server";
import type { WarehouseRegistry } from "../warehouses/registry";
import { warehouseRegistry } from "../warehouses/registry.server";
import type { RateCard } from "./engine";
import { defaultBoxFrom, dutiesInProductPrices, getShippingSettings, merchantRulesFrom, type DefaultBoxCm } from "./settings.server";

export interface ShopRateContext {
  readonly engine: CompiledEngine;
  readonly merchantRules: MerchantRules;
  readonly defaultBox: DefaultBoxCm;
  readonly settingsVersion: number;
  /** Changes with any active card's upload, activation or removal ("sample" while the samples apply). */
  readonly cardsVersion: string;
}

// Every shop without cards of its own quotes with the same sample cards (one module constant) and the same registry
// snapshot, so they share one compiled engine instead of ~70 KB each (1,000 such shops held ~70 MB, issue #10's
// memory benchmark). The engine is immutable once compiled, so sharing it changes no answer; shops with their own
// cards parse them afresh on each load and compile their own. Weak keys: a replaced registry or card set lets go.
const compiledFor = new WeakMap<WarehouseRegistry, WeakMap<readonly RateCard[], CompiledEngine>>();

function sharedEngine(cards: readonly RateCard[], registry: WarehouseRegistry): CompiledEngine {
  let byCards = compiledFor.get(registry);
  if (!byCards) compiledFor.set(registry, (byCards = new WeakMap()));
  let engine = byCards.get(cards);
  // Stock on mappings is keyed by registry id, so the engine routes from the registry's warehouses (ADR 2000).
  if (!engine) byCards.set(cards, (engine = compileCards(cards, registry.engineWarehouses())));
  return engine;
}

async function load(shop: string): Promise<ShopRateContext> {
  const [settings, cards, , dutiesInPrices, registry, ddpAllowed] = await Promise.all([
    getShippingSettings(shop), effectiveRateCardSet(shop), latestFxTable(), dutiesInProductPrices(shop), warehouseRegistry(),
    // DDP is a paid feature (ADR 1000); without it DDP cards are quoted as DDU, never dropped.
    planAllows(shop, "ddpDuties"),
  ]);
  return {
    engine: sharedEngine(cards.cards, registry),
    cardsVersion: cards.version,
    merchantRules: merchantRulesFrom(settings, { dutiesInProductPrices: dutiesInPrices, ddpAllowed }),
    defaultBox: defaultBoxFrom(settings),
    settingsVersion: settings.version,
  };
}

export function shopRateContext(shop: string, now = Date.now()): Promise<ShopRateContext> {
  const slots = rateContextSlots();
  const slot = slots.get(shop);
  if (slot && slot.expiresAt > now) return slot.value as Promise<ShopRateContext>;
  const value = load(shop);
  const fresh: CacheSlot<ShopRateContext> = { value, expiresAt: now + RATE_CONTEXT_TTL_MS };
  slots.set(shop, fresh);
  value.then((context) => void (fresh.resolved = context), () => undefined);
  // A failed load must not be cached; only drop it if nothing newer replaced it meanwhile.
  value.catch(() => slots.peek(shop) === fresh && slots.delete(shop));
  return value;
}

/** A context loaded for one request and not kept (an unsigned rate request never adds to a cache). */
export function uncachedShopRateContext(shop: string): Promise<ShopRateContext> {
  return load(shop);
}

/** The shop's context if it is loaded and fresh, without waiting; undefined while cold, loading or expired. */
export function loadedShopRateContext(shop: string, now = Date.now()): ShopRateContext | undefined {
  const slot = rateContextSlots().get(shop) as CacheSlot<ShopRateContext> | undefined;
  return slot && slot.expiresAt > now ? slot.resolved : undefined;
}

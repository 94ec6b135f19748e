/**
 * Everything the callback needs to quote for a shop, compiled once and kept in memory: the engine built
 * from the shop's cards, its merchant rules and default box. Loads are single-flight per shop; writes in
 * this process invalidate at once, other processes (multi-instance deployments) within RATE_CONTEXT_TTL_MS
 * plus one load.
 * An expired context keeps answering for up to RATE_CONTEXT_STALE_MS while one load replaces it in the background
 * (ADR 0720, "Sixth round"): before, a busy shop's checkouts waited every minute for six queries and, with shops
 * of their own cards, a compile, and on SQLite (a synchronous driver) every other shop's checkouts waited with them.
 */
import { planIncludesFeature } from "../billing/entitlements.server";
import { paidPlanFrom } from "../billing/plan-state.server";
import { PLANS } from "../billing/plans";
import { checkoutReads } from "./carrier-service/checkout-reads.server";
import { recentFxTable } from "../fx/fx-rates.server";
import type { CompiledEngine, MerchantRules } from "./engine";
import { RATE_CONTEXT_TTL_MS, rateContextSlots, type CacheSlot } from "./rate-context-cache";
import { compileCards, effectiveRateCardSet } from "./rate-cards.server";
import type { WarehouseRegistry } from "../warehouses/registry";
import { warehouseRegistry } from "../warehouses/registry.server";
import { SAMPLE_CARDS, type RateCard } from "./engine";
import { DEFAULT_QUOTE_SETTINGS, defaultBoxFrom, merchantRulesFrom, type DefaultBoxCm } from "./settings.server";

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

const SAMPLE_SET = { cards: SAMPLE_CARDS, version: "sample" } as const;

// The shop's own rows in one read on the driver (checkout-reads.server.ts); only a shop with rate cards of its own
// reads them as well. A shop without a settings row quotes with the defaults the row would be created with.
async function load(shop: string): Promise<ShopRateContext> {
  const [rows, , registry] = await Promise.all([checkoutReads().rateContextRows(shop), recentFxTable(), warehouseRegistry()]);
  const cards = rows.ownCards ? await effectiveRateCardSet(shop) : SAMPLE_SET;
  const settings = rows.settings ?? DEFAULT_QUOTE_SETTINGS;
  // DDP is a paid feature (ADR 1000); without it DDP cards are quoted as DDU, never dropped.
  const ddpAllowed = planIncludesFeature(paidPlanFrom(rows.plan) ?? PLANS.free, "ddpDuties");
  return {
    engine: sharedEngine(cards.cards, registry),
    cardsVersion: cards.version,
    merchantRules: merchantRulesFrom(settings, { dutiesInProductPrices: rows.dutiesInProductPrices, ddpAllowed }),
    defaultBox: defaultBoxFrom(settings),
    settingsVersion: settings.version,
  };
}

/**
 * The first quote's one-time costs, paid before a process takes checkouts (the servers call it before listening):
 * Prisma's query compiler loaded and its connection opened, the warehouse registry read, and the sample cards, which
 * most shops quote with, compiled into the engine they share (with the time-zone formatters compiled cards hold).
 * A fresh process's first callback took ~300 ms without it, ~80 of them the compiler and ~30 the cards
 * (ADR 0720, "Tenth round"). A failure is the caller's to log: the first checkouts then pay these costs instead.
 */
export async function warmRateContexts(): Promise<CompiledEngine> {
  return sharedEngine(SAMPLE_CARDS, await warehouseRegistry());
}

/** How long past its TTL a loaded context still answers while its replacement loads; a shop quiet for longer waits. */
export const RATE_CONTEXT_STALE_MS = 5 * 60_000;
const RETRY_REPLACE_MS = 5_000;

/** An expired context young enough to answer with, starting (once) the load that replaces it; else undefined. */
function staleWhileReplaced(shop: string, slot: CacheSlot<ShopRateContext>, now: number): ShopRateContext | undefined {
  if (slot.resolved === undefined || now - slot.expiresAt >= RATE_CONTEXT_STALE_MS) return undefined;
  if (!slot.replacing && now >= (slot.replaceAfter ?? 0)) {
    const value = (slot.replacing = load(shop));
    value.then(
      (context) => {
        const slots = rateContextSlots();
        // Invalidated (a write in this process) or replaced meanwhile: this load may predate the write, so drop it.
        if (slots.peek(shop) === slot) slots.set(shop, { value, resolved: context, expiresAt: now + RATE_CONTEXT_TTL_MS });
      },
      () => {
        slot.replacing = undefined; // keep answering with what is loaded; try again shortly
        slot.replaceAfter = now + RETRY_REPLACE_MS;
      },
    );
  }
  return slot.resolved;
}

export function shopRateContext(shop: string, now = Date.now()): Promise<ShopRateContext> {
  const slots = rateContextSlots();
  const slot = slots.get(shop) as CacheSlot<ShopRateContext> | undefined;
  if (slot && slot.expiresAt > now) return slot.value;
  const stale = slot && staleWhileReplaced(shop, slot, now);
  if (stale) return Promise.resolve(stale);
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

/** The shop's context if it is loaded and fresh, or expired within RATE_CONTEXT_STALE_MS (its replacement then
 *  loading), without waiting; undefined while cold, loading or long expired. */
export function loadedShopRateContext(shop: string, now = Date.now()): ShopRateContext | undefined {
  const slot = rateContextSlots().get(shop) as CacheSlot<ShopRateContext> | undefined;
  if (!slot) return undefined;
  return slot.expiresAt > now ? slot.resolved : staleWhileReplaced(shop, slot, now);
}

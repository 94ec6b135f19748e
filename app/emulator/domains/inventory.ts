import type { Core } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { isoAt } from "../clock";
import { userError } from "../shopify-errors";

const MUTABLE_NAMES = ["available", "on_hand"] as const;
const ALL_NAMES = ["available", "on_hand", "committed", "reserved", "incoming", "damaged", "quality_control", "safety_stock"];

export function createInventoryItem(core: Core, state: ShopState, variant: Rec): Rec {
  const now = isoAt(core.clock);
  const item: Rec = {
    __typename: "InventoryItem",
    id: core.ids.next("InventoryItem"),
    sku: null,
    tracked: true,
    requiresShipping: true,
    unitCost: null,
    harmonizedSystemCode: null,
    countryCodeOfOrigin: null,
    provinceCodeOfOrigin: null,
    countryHarmonizedSystemCodes: [],
    measurement: { __typename: "InventoryItemMeasurement", id: core.ids.next("InventoryItem").replace("InventoryItem", "InventoryItemMeasurement"), weight: { unit: "KILOGRAMS", value: 0 } },
    createdAt: now,
    updatedAt: now,
    levels: new Map<string, Rec>(),
    variant,
    variants: () => [variant],
    inventoryLevels: () => [...item.levels.values()],
    inventoryLevel: (args: Rec) => item.levels.get(args.locationId) ?? null,
    locationsCount: () => ({ count: item.levels.size, precision: "EXACT" }),
    duplicateSkuCount: 0,
  };
  register(state, item);
  return item;
}

/** Applies InventoryItemInput (customs data lives here: HS code, origin, weight, cost). */
export function applyInventoryItemInput(state: ShopState, item: Rec, input: Rec | null | undefined): void {
  if (!input) return;
  if (input.sku !== undefined) item.sku = input.sku;
  if (input.tracked != null) item.tracked = input.tracked;
  if (input.requiresShipping != null) item.requiresShipping = input.requiresShipping;
  if (input.cost !== undefined) item.unitCost = input.cost == null ? null : { amount: String(input.cost), currencyCode: state.shop.currencyCode };
  if (input.harmonizedSystemCode !== undefined) item.harmonizedSystemCode = input.harmonizedSystemCode;
  if (input.countryCodeOfOrigin !== undefined) item.countryCodeOfOrigin = input.countryCodeOfOrigin;
  if (input.provinceCodeOfOrigin !== undefined) item.provinceCodeOfOrigin = input.provinceCodeOfOrigin;
  if (input.countryHarmonizedSystemCodes) {
    item.countryHarmonizedSystemCodes = input.countryHarmonizedSystemCodes.map((c: Rec) => ({ countryCode: c.countryCode, harmonizedSystemCode: c.harmonizedSystemCode }));
  }
  if (input.measurement?.weight) item.measurement.weight = { unit: input.measurement.weight.unit, value: input.measurement.weight.value };
}

export function ensureLevel(core: Core, state: ShopState, item: Rec, location: Rec): Rec {
  const existing = item.levels.get(location.id);
  if (existing) return existing;
  const now = isoAt(core.clock);
  const level: Rec = {
    __typename: "InventoryLevel",
    id: `gid://shopify/InventoryLevel/${core.ids.next("InventoryLevel").split("/").pop()}?inventory_item_id=${item.id.split("/").pop()}`,
    item,
    location,
    isActive: true,
    canDeactivate: true,
    createdAt: now,
    updatedAt: now,
    q: { available: 0, committed: 0, reserved: 0, incoming: 0, damaged: 0, quality_control: 0, safety_stock: 0 },
    quantities: (args: Rec) => (args.names ?? ALL_NAMES).map((name: string) => ({
      __typename: "InventoryQuantity",
      id: `gid://shopify/InventoryQuantity/${level.id.split("/").pop()}&name=${name}`,
      name,
      quantity: quantityOf(level, name),
      updatedAt: level.updatedAt,
    })),
  };
  item.levels.set(location.id, level);
  register(state, level);
  return level;
}

export function quantityOf(level: Rec, name: string): number {
  const q = level.q;
  if (name === "on_hand") return q.available + q.committed + q.reserved + q.damaged + q.quality_control + q.safety_stock;
  return q[name] ?? 0;
}

/** Sets available or on_hand; moving one moves the other by the same delta, as in Shopify. */
export function setQuantity(level: Rec, name: string, quantity: number, now: string): void {
  const delta = quantity - quantityOf(level, name);
  level.q.available += delta;
  level.updatedAt = now;
}

/** `inventorySetQuantities` with 2026-04+ compare-and-swap: a stale changeFromQuantity fails the whole call. */
export function inventorySetQuantities(core: Core, state: ShopState, input: Rec): Rec {
  const errors: Rec[] = [];
  if (!MUTABLE_NAMES.includes(input.name)) errors.push(userError(["input", "name"], "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME"));
  if (!/^[a-z_]+$/.test(input.reason ?? "")) errors.push(userError(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));
  const resolved: { level: Rec; quantity: number; before: number }[] = [];
  (input.quantities as Rec[]).forEach((q, i) => {
    const item = state.nodes.get(q.inventoryItemId);
    const location = state.nodes.get(q.locationId);
    if (!item || item.__typename !== "InventoryItem") return void errors.push(userError(["input", "quantities", String(i), "inventoryItemId"], "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM"));
    if (!location || location.__typename !== "Location") return void errors.push(userError(["input", "quantities", String(i), "locationId"], "The specified location could not be found.", "INVALID_LOCATION"));
    // A missing changeFromQuantity never gets here: rules/enforce.ts answers it (mandatory-but-nullable rule).
    if (q.quantity > 1_000_000_000) return void errors.push(userError(["input", "quantities", String(i), "quantity"], "The quantity can't be higher than 1,000,000,000.", "INVALID_QUANTITY_TOO_HIGH"));
    const level = ensureLevel(core, state, item, location);
    const before = quantityOf(level, input.name);
    if (q.changeFromQuantity != null && q.changeFromQuantity !== before) {
      return void errors.push(userError(["input", "quantities", String(i), "changeFromQuantity"], `The specified compare quantity does not match the current quantity (expected ${q.changeFromQuantity}, current ${before}).`, "CHANGE_FROM_QUANTITY_STALE"));
    }
    resolved.push({ level, quantity: q.quantity, before });
  });
  if (errors.length) return { inventoryAdjustmentGroup: null, userErrors: errors };
  const now = isoAt(core.clock);
  const changes = resolved.map(({ level, quantity, before }) => {
    setQuantity(level, input.name, quantity, now);
    return { __typename: "InventoryChange", name: input.name, delta: quantity - before, quantityAfterChange: quantity, item: level.item, location: level.location, ledgerDocumentUri: null };
  });
  const group: Rec = {
    __typename: "InventoryAdjustmentGroup",
    id: core.ids.next("InventoryLevel").replace("InventoryLevel", "InventoryAdjustmentGroup"),
    createdAt: now,
    reason: input.reason,
    referenceDocumentUri: input.referenceDocumentUri ?? null,
    changes: () => changes,
  };
  for (const { level } of resolved) core.emit(state, "inventory_levels/update", { inventory_item_id: Number(level.item.id.split("/").pop()), location_id: Number(level.location.id.split("/").pop()), available: level.q.available, updated_at: now, admin_graphql_api_id: level.id });
  return { inventoryAdjustmentGroup: group, userErrors: [] };
}

/**
 * inventoryActivate (Mutation.inventoryActivate, 2026-10): creates the item's InventoryLevel at a location, with
 * `available` / `onHand` as initial quantities ("If you don't specify quantities, then available and onHand default
 * to zero"). The @idempotent key (required from 2026-04) is checked by rules/enforce.ts. An item already active
 * there keeps its level and quantities.
 */
export function inventoryActivate(core: Core, state: ShopState, args: Rec): Rec {
  const item = state.nodes.get(args.inventoryItemId);
  const location = state.nodes.get(args.locationId);
  if (!item || item.__typename !== "InventoryItem") return { inventoryLevel: null, userErrors: [userError(["inventoryItemId"], "The specified inventory item could not be found.")] };
  if (!location || location.__typename !== "Location") return { inventoryLevel: null, userErrors: [userError(["locationId"], "The specified location could not be found.")] };
  if (item.levels.has(location.id)) return { inventoryLevel: item.levels.get(location.id), userErrors: [] };
  const level = ensureLevel(core, state, item, location);
  const available = args.available ?? 0;
  const onHand = args.onHand ?? available;
  level.q.available = available;
  level.q.damaged = 0;
  // on_hand beyond available is held in a non-sellable state, as Shopify's quantity model sums on_hand.
  if (onHand > available) level.q.quality_control = onHand - available;
  emitLevelUpdate(core, state, level);
  return { inventoryLevel: level, userErrors: [] };
}

/**
 * inventoryDeactivate (Mutation.inventoryDeactivate): "Removes an inventory item's quantities from a location, and
 * turns off inventory at the location." Shopify keeps every item stocked at one location at least; the refusal's
 * wording is Shopify admin's ("products need to be stocked at a minimum of 1 location").
 */
export function inventoryDeactivate(core: Core, state: ShopState, args: Rec): Rec {
  const level = state.nodes.get(args.inventoryLevelId);
  if (!level || level.__typename !== "InventoryLevel") return { userErrors: [userError(["inventoryLevelId"], "The specified inventory level could not be found.")] };
  const item = level.item as Rec;
  if (item.levels.size <= 1) {
    return { userErrors: [userError(["inventoryLevelId"], `The product couldn't be unstocked from ${level.location.name} because products need to be stocked at a minimum of 1 location.`)] };
  }
  item.levels.delete(level.location.id);
  state.nodes.delete(level.id);
  item.updatedAt = isoAt(core.clock);
  core.emit(state, "inventory_levels/disconnect", { inventory_item_id: Number(item.id.split("/").pop()), location_id: Number(level.location.id.split("/").pop()) });
  return { userErrors: [] };
}

function emitLevelUpdate(core: Core, state: ShopState, level: Rec): void {
  core.emit(state, "inventory_levels/connect", { inventory_item_id: Number(level.item.id.split("/").pop()), location_id: Number(level.location.id.split("/").pop()), available: level.q.available, updated_at: level.updatedAt, admin_graphql_api_id: level.id });
}

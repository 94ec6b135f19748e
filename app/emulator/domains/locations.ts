import type { Core } from "../context";
import { register, type Rec, type ShopAddressInput, type ShopState } from "../state";
import { isoAt } from "../clock";
import { userError } from "../shopify-errors";

export function locationAddress(a: ShopAddressInput): Rec {
  const countryCode = a.countryCode ?? "US";
  const address: Rec = {
    __typename: "LocationAddress",
    address1: a.address1 ?? null, address2: a.address2 ?? null, city: a.city ?? null,
    province: a.province ?? null, provinceCode: a.provinceCode ?? null, zip: a.zip ?? null,
    country: a.country ?? countryCode, countryCode, phone: a.phone ?? null, latitude: null, longitude: null,
  };
  address.formatted = () => [address.address1, address.address2, [address.city, address.provinceCode, address.zip].filter(Boolean).join(" "), address.country].filter(Boolean);
  return address;
}

export function createLocation(core: Core, state: ShopState, input: { name: string; address: ShopAddressInput; fulfillmentService?: Rec }): Rec {
  const now = isoAt(core.clock);
  const location: Rec = {
    __typename: "Location",
    id: core.ids.next("Location"),
    name: input.name,
    address: locationAddress(input.address),
    isActive: true,
    activatable: false,
    deactivatable: true,
    deletable: false,
    addressVerified: true,
    fulfillsOnlineOrders: true,
    shipsInventory: true,
    hasActiveInventory: true,
    hasUnfulfilledOrders: false,
    isFulfillmentService: !!input.fulfillmentService,
    fulfillmentService: input.fulfillmentService ?? null,
    createdAt: now,
    updatedAt: now,
    metafields: [],
    inventoryLevels: () => [...state.products.values()].flatMap((p) => p.variants).map((v: Rec) => v.inventoryItem.levels.get(location.id)).filter(Boolean),
    inventoryLevel: (args: Rec) => state.nodes.get(args.inventoryItemId)?.levels?.get(location.id) ?? null,
  };
  state.locations.push(location);
  register(state, location);
  return location;
}

/** `locationEdit`: fulfillment-service locations are moved to the real warehouse address this way (2023-10+). */
export function editLocation(core: Core, state: ShopState, id: string, input: Rec): Rec {
  const location = state.nodes.get(id);
  if (!location || location.__typename !== "Location") {
    return { location: null, userErrors: [userError(["id"], "Location not found.", "NOT_FOUND")] };
  }
  if (input.name != null) {
    if (!String(input.name).trim()) return { location, userErrors: [userError(["input", "name"], "Name can't be blank", "BLANK")] };
    location.name = input.name;
  }
  if (input.fulfillsOnlineOrders != null) location.fulfillsOnlineOrders = input.fulfillsOnlineOrders;
  if (input.address) {
    const merged = { ...location.address, ...input.address, countryCode: input.address.countryCode ?? location.address.countryCode };
    if (input.address.countryCode) merged.country = input.address.countryCode;
    location.address = locationAddress(merged);
  }
  for (const m of input.metafields ?? []) {
    void m; // location metafields are accepted but not modelled beyond storage
  }
  location.updatedAt = isoAt(core.clock);
  return { location, userErrors: [] };
}

/** The location an order line ships from: the first active one holding enough stock, else any stocking location. */
export function locationForVariant(state: ShopState, variant: Rec, quantity: number): Rec {
  const levels: Map<string, Rec> = variant.inventoryItem.levels;
  const active = state.locations.filter((l) => l.isActive);
  const withStock = active.find((l) => (levels.get(l.id)?.q.available ?? 0) >= quantity);
  const stocking = active.find((l) => levels.has(l.id));
  return withStock ?? stocking ?? active[0]!;
}

import type { Core } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { PLANS } from "../plans";
import { userError } from "../shopify-errors";
import { createLocation } from "./locations";
import { slugify } from "./product-records";

/** Creating a fulfillment service also creates its Location, at the shop's address until `locationEdit` moves it. */
export function fulfillmentServiceCreate(core: Core, state: ShopState, args: Rec): Rec {
  const name = String(args.name ?? "").trim();
  if (!name) return { fulfillmentService: null, userErrors: [userError(["name"], "Name can't be blank")] };
  if (state.fulfillmentServices.some((s) => s.serviceName === name)) {
    return { fulfillmentService: null, userErrors: [userError(["name"], "Name has already been taken")] };
  }
  if (args.callbackUrl != null && !/^https?:\/\//.test(args.callbackUrl)) {
    return { fulfillmentService: null, userErrors: [userError(["callbackUrl"], "Callback url is not a valid URL")] };
  }
  const service: Rec = {
    __typename: "FulfillmentService",
    id: core.ids.next("FulfillmentService").replace(/(\d+)$/, "$1?id=true"),
    serviceName: name,
    handle: slugify(name),
    callbackUrl: args.callbackUrl ?? null,
    trackingSupport: args.trackingSupport ?? false,
    inventoryManagement: args.inventoryManagement ?? false,
    requiresShippingMethod: args.requiresShippingMethod ?? true,
    fulfillmentOrdersOptIn: true,
    permitsSkuSharing: true,
    type: "THIRD_PARTY",
  };
  const a = state.shop.shopAddress;
  service.location = createLocation(core, state, {
    name,
    address: { address1: a.address1, address2: a.address2, city: a.city, province: a.province, provinceCode: a.provinceCode, zip: a.zip, countryCode: a.countryCodeV2, phone: a.phone },
    fulfillmentService: service,
  });
  state.fulfillmentServices.push(service);
  register(state, service);
  return { fulfillmentService: service, userErrors: [] };
}

export function carrierEligible(state: ShopState): boolean {
  return PLANS[state.plan].carrierCalculatedShipping || state.carrierAddon;
}

const INELIGIBLE_MESSAGE = "Carrier Calculated Shipping must be enabled for your store before you can add a carrier service. It is available on the Advanced plan and higher, or as an add-on.";

export function carrierServiceCreate(core: Core, state: ShopState, input: Rec): Rec {
  const fail = (message: string) => ({ carrierService: null, userErrors: [{ field: null, message, code: "CARRIER_SERVICE_CREATE_FAILED" }] });
  if (!carrierEligible(state)) return fail(INELIGIBLE_MESSAGE);
  if (!String(input.name).trim()) return fail("Name can't be blank");
  if (!/^https?:\/\//.test(input.callbackUrl)) return fail("Callback url is not a valid URL");
  if (state.carrierServices.some((c) => c.name === input.name)) return fail(`${input.name} is already configured`);
  const service: Rec = {
    __typename: "DeliveryCarrierService",
    id: core.ids.next("DeliveryCarrierService"),
    name: input.name,
    formattedName: () => `${service.name} (Rates provided by app)`,
    callbackUrl: input.callbackUrl,
    active: input.active,
    supportsServiceDiscovery: input.supportsServiceDiscovery,
    icon: { __typename: "Image", id: null, url: "https://cdn.shopify.invalid/carrier-icon.png", altText: null },
    availableServicesForCountries: [],
  };
  state.carrierServices.push(service);
  register(state, service);
  return { carrierService: service, userErrors: [] };
}

/**
 * fulfillmentServiceUpdate, as the 2026-10 schema (app/graphql, Mutation.fulfillmentServiceUpdate) and
 * https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentServiceUpdate describe it: every argument but
 * `id` is optional and only those given change. An unknown id is a user error on `id`, as for the other
 * fulfillment-service mutations; a new name renames the service's location too (its location carries the name).
 */
export function fulfillmentServiceUpdate(state: ShopState, args: Rec): Rec {
  const service = state.fulfillmentServices.find((s) => s.id === args.id);
  if (!service) return { fulfillmentService: null, userErrors: [userError(["id"], "Fulfillment service could not be found.")] };
  if (args.name != null) {
    const name = String(args.name).trim();
    if (!name) return { fulfillmentService: null, userErrors: [userError(["name"], "Name can't be blank")] };
    if (state.fulfillmentServices.some((s) => s !== service && s.serviceName === name)) return { fulfillmentService: null, userErrors: [userError(["name"], "Name has already been taken")] };
    service.serviceName = name;
    if (service.location) service.location.name = name;
  }
  if (args.callbackUrl != null && !/^https?:\/\//.test(args.callbackUrl)) {
    return { fulfillmentService: null, userErrors: [userError(["callbackUrl"], "Callback url is not a valid URL")] };
  }
  for (const key of ["callbackUrl", "trackingSupport", "inventoryManagement", "requiresShippingMethod"]) if (args[key] != null) service[key] = args[key];
  return { fulfillmentService: service, userErrors: [] };
}

export function carrierServiceUpdate(state: ShopState, input: Rec): Rec {
  const fail = (message: string) => ({ carrierService: null, userErrors: [{ field: null, message, code: "CARRIER_SERVICE_UPDATE_FAILED" }] });
  const service = state.carrierServices.find((c) => c.id === input.id);
  if (!service) return fail("The carrier service could not be found.");
  if (input.active === true && !carrierEligible(state)) return fail(INELIGIBLE_MESSAGE);
  for (const key of ["name", "callbackUrl", "active", "supportsServiceDiscovery"]) if (input[key] != null) service[key] = input[key];
  return { carrierService: service, userErrors: [] };
}

export function carrierServiceDelete(state: ShopState, id: string): Rec {
  const index = state.carrierServices.findIndex((c) => c.id === id);
  if (index < 0) return { deletedId: null, userErrors: [{ field: ["id"], message: "The carrier service could not be found.", code: "CARRIER_SERVICE_DELETE_FAILED" }] };
  state.carrierServices.splice(index, 1);
  state.nodes.delete(id);
  return { deletedId: id, userErrors: [] };
}

/** A plan downgrade deactivates carrier services, as Shopify does when the store stops qualifying. */
export function enforceCarrierEligibility(state: ShopState): void {
  if (carrierEligible(state)) return;
  for (const c of state.carrierServices) c.active = false;
}

import type { Clock } from "./clock";
import { isoAt } from "./clock";
import { LeakyBucket } from "./throttle";
import { PLANS, type PlanKey } from "./plans";
import { toGid, type ShopifyResource } from "../server/shopify/gid";
import { provinceName } from "./province-names";

/** Records are shaped like the GraphQL types they represent; function fields are computed on read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rec = Record<string, any>;

export interface ShopAddressInput {
  address1?: string; address2?: string; city?: string; province?: string; provinceCode?: string;
  zip?: string; country?: string; countryCode?: string; phone?: string; company?: string;
}

export interface CreateShopInput {
  domain: string; // "acme.myshopify.com"
  name?: string;
  plan?: PlanKey;
  carrierCalculatedShippingAddon?: boolean; // Basic/Shopify plans can buy the add-on
  currencyCode?: string;
  ianaTimezone?: string;
  email?: string;
  address?: ShopAddressInput;
  backupRates?: BackupRate[];
}

export interface BackupRate { service_name: string; service_code: string; total_price: string; currency: string; description: string }

export interface EmittedEvent { topic: string; shop: string; at: string; payload: Rec; eventId: string }

export interface ShopState {
  domain: string;
  shop: Rec; // the GraphQL Shop record
  plan: PlanKey;
  carrierAddon: boolean;
  installed: boolean;
  scopes: string[];
  nodes: Map<string, Rec>;
  products: Map<string, Rec>;
  locations: Rec[];
  orders: Rec[];
  fulfillmentOrders: Rec[];
  fulfillments: Rec[];
  carrierServices: Rec[];
  fulfillmentServices: Rec[];
  webhookSubscriptions: Rec[];
  bulkOperations: Rec[];
  stagedUploads: Map<string, string>;
  bulkResults: Map<string, string>;
  events: EmittedEvent[];
  bucket: LeakyBucket;
  nextOrderNumber: number;
  backupRates: BackupRate[];
}

export interface Ids {
  next(resource: ShopifyResource): string;
}

export function idSequence(start = 1_000_000_000): Ids {
  let n = start;
  return { next: (resource) => toGid(resource, ++n) };
}

export function register(state: ShopState, rec: Rec): Rec {
  state.nodes.set(rec.id, rec);
  return rec;
}

export function createShopState(input: CreateShopInput, clock: Clock, ids: Ids): ShopState {
  const planKey = input.plan ?? "development";
  const plan = PLANS[planKey];
  const a = input.address ?? {};
  const countryCode = a.countryCode ?? "US";
  const address = {
    __typename: "ShopAddress",
    id: ids.next("Shop").replace("/Shop/", "/ShopAddress/"),
    address1: a.address1 ?? "150 Elgin Street", address2: a.address2 ?? null, city: a.city ?? "Ottawa",
    province: a.province ?? null, provinceCode: a.provinceCode ?? null, zip: a.zip ?? "K2P 1L4",
    country: a.country ?? countryCode, countryCodeV2: countryCode, phone: a.phone ?? null, company: a.company ?? null,
    formatted: () => [a.address1 ?? "150 Elgin Street", `${a.city ?? "Ottawa"} ${a.zip ?? ""}`.trim(), a.country ?? countryCode],
  };
  const name = input.name ?? input.domain.replace(/\.myshopify\.com$/, "");
  const state: ShopState = {
    domain: input.domain,
    plan: planKey,
    carrierAddon: input.carrierCalculatedShippingAddon ?? false,
    installed: false,
    scopes: [],
    nodes: new Map(),
    products: new Map(),
    locations: [],
    orders: [],
    fulfillmentOrders: [],
    fulfillments: [],
    carrierServices: [],
    fulfillmentServices: [],
    webhookSubscriptions: [],
    bulkOperations: [],
    stagedUploads: new Map(),
    bulkResults: new Map(),
    events: [],
    bucket: new LeakyBucket(clock, plan.maximumAvailable, plan.restoreRate),
    nextOrderNumber: 1001,
    backupRates: input.backupRates ?? [],
    shop: {},
  };
  const now = isoAt(clock);
  state.shop = {
    __typename: "Shop",
    id: ids.next("Shop"),
    name,
    myshopifyDomain: input.domain,
    email: input.email ?? `owner@${input.domain}`,
    contactEmail: input.email ?? `owner@${input.domain}`,
    currencyCode: input.currencyCode ?? "USD",
    enabledPresentmentCurrencies: [input.currencyCode ?? "USD"],
    ianaTimezone: input.ianaTimezone ?? "America/New_York",
    weightUnit: "KILOGRAMS",
    unitSystem: "METRIC_SYSTEM",
    billingAddress: address,
    shopAddress: address,
    createdAt: now,
    updatedAt: now,
    url: `https://${input.domain}`,
    primaryDomain: { __typename: "Domain", id: ids.next("Shop").replace("/Shop/", "/Domain/"), host: input.domain, url: `https://${input.domain}`, sslEnabled: true },
    plan: () => {
      const p = PLANS[state.plan];
      return { __typename: "ShopPlan", displayName: p.displayName, publicDisplayName: p.publicDisplayName, partnerDevelopment: p.partnerDevelopment, shopifyPlus: p.shopifyPlus };
    },
    fulfillmentServices: () => state.fulfillmentServices,
    shipsToCountries: ["US", "CA", "GB", "DE", "FR", "AU", "JP", "CN"],
    resourceLimits: { __typename: "ShopResourceLimits", maxProductOptions: 3, maxProductVariants: 2048, locationLimit: 1000, redirectLimitReached: false },
    features: {},
  };
  register(state, state.shop);
  return state;
}

export function mailingAddress(ids: Ids, a: ShopAddressInput & { firstName?: string; lastName?: string; name?: string }): Rec {
  const countryCode = a.countryCode ?? "US";
  return {
    __typename: "MailingAddress",
    id: ids.next("Customer").replace("/Customer/", "/MailingAddress/"),
    firstName: a.firstName ?? null, lastName: a.lastName ?? null,
    name: a.name ?? ([a.firstName, a.lastName].filter(Boolean).join(" ") || null),
    address1: a.address1 ?? null, address2: a.address2 ?? null, city: a.city ?? null,
    province: a.province ?? provinceName(countryCode, a.provinceCode), provinceCode: a.provinceCode ?? null, zip: a.zip ?? null,
    country: a.country ?? countryCode, countryCodeV2: countryCode, countryCode, phone: a.phone ?? null, company: a.company ?? null,
  };
}

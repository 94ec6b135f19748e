import type { Core } from "./context";
import { createShopState, type BackupRate, type CreateShopInput, type Rec, type ShopState } from "./state";
import type { TokenStore } from "./auth/tokens";
import type { WebhookSender, DeliveryRecord } from "./webhooks/delivery";
import type { AppTomlWebhook } from "./webhooks/toml";
import { signSessionToken } from "./auth/jwt";
import { createLocation } from "./domains/locations";
import { assignedFulfillmentOrders, submitFulfillmentRequest } from "./domains/fulfillment-orders";
import { cancelOrder, placeOrder, type PlaceOrderInput } from "./domains/orders";
import { enforceCarrierEligibility } from "./domains/services";
import { productVariantsBulkUpdate } from "./domains/product-queries";
import { assertSoldOnline, onlineStoreProducts } from "./domains/publications";
import { quoteCheckout, type CheckoutDeps, type CheckoutDestination, type CheckoutLine, type Quote } from "./checkout";
import { PLANS, type PlanKey } from "./plans";
import { summarizeFulfillment, summarizeOrder, summarizeProduct } from "./summaries";
import { num } from "./webhooks/rest-payloads";
import { cancelOnUninstall, decideSubscription } from "./domains/app-subscriptions";

export interface ControlDeps {
  core: Core; tokens: TokenStore; sender: WebhookSender; scopes: string[];
  appSubscriptions: AppTomlWebhook[]; pending: Set<Promise<unknown>>; checkout: CheckoutDeps;
}

export type Controls = ReturnType<typeof createControls>;

/** Scenario controls: what a merchant, a buyer or Shopify itself would do, for tests and the offline demo. */
export function createControls(deps: ControlDeps) {
  const { core, tokens } = deps;
  const shopOf = (domain: string): ShopState => {
    const state = core.shops.get(domain);
    if (!state) throw new Error(`Unknown shop ${domain}`);
    return state;
  };
  return {
    shop: shopOf,
    createShop(input: CreateShopInput): ShopState {
      if (core.shops.has(input.domain)) throw new Error(`Shop ${input.domain} already exists`);
      const state = createShopState(input, core.clock, core.ids);
      const a = state.shop.shopAddress;
      createLocation(core, state, { name: "Shop location", address: { address1: a.address1, city: a.city, province: a.province, provinceCode: a.provinceCode, zip: a.zip, countryCode: a.countryCodeV2, phone: a.phone } });
      state.shop.assignedFulfillmentOrders = (args: Rec) => assignedFulfillmentOrders(state, args);
      state.shop.fulfillmentOrders = () => state.fulfillmentOrders;
      core.shops.set(input.domain, state);
      return state;
    },
    /** Shopify-managed install: the app gets an offline token (expiring when asked). */
    installApp(domain: string, opts: { expiring?: boolean } = {}): { accessToken: string; refreshToken?: string; scope: string } {
      const state = shopOf(domain);
      markInstalled(state, deps.scopes);
      const { access, refresh } = tokens.issue({ shop: domain, online: false, scope: state.scopes.join(","), expiring: !!opts.expiring });
      return { accessToken: access.token, refreshToken: refresh?.token, scope: access.scope };
    },
    uninstallApp(domain: string): void {
      const state = shopOf(domain);
      core.emit(state, "app/uninstalled", {
        id: num(state.shop.id), name: state.shop.name, email: state.shop.email, domain: domain, myshopify_domain: domain,
        plan_name: state.plan, plan_display_name: PLANS[state.plan].displayName, currency: state.shop.currencyCode,
        iana_timezone: state.shop.ianaTimezone, country_code: state.shop.shopAddress.countryCodeV2, created_at: state.shop.createdAt,
      });
      state.installed = false;
      cancelOnUninstall(core, state);
      tokens.revokeShop(domain);
      for (const c of state.carrierServices) core.shops.get(domain)!.nodes.delete(c.id);
      state.carrierServices = [];
      state.webhookSubscriptions = [];
    },
    setPlan(domain: string, plan: PlanKey): void {
      const state = shopOf(domain);
      state.plan = plan;
      state.bucket.setPlan(PLANS[plan].maximumAvailable, PLANS[plan].restoreRate);
      enforceCarrierEligibility(state);
    },
    /** The merchant approves or declines an app charge on Shopify's confirmation page. */
    decideAppSubscription: (domain: string, subscriptionId: string, approve: boolean) => decideSubscription(core, shopOf(domain), subscriptionId, approve),
    setBackupRates(domain: string, rates: BackupRate[]): void {
      shopOf(domain).backupRates = rates;
    },
    placeOrder: (domain: string, input: PlaceOrderInput) => summarizeOrder(placeOrder(core, shopOf(domain), input)),
    cancelOrder: (domain: string, orderId: string, reason?: string) => summarizeOrder(cancelOrder(core, shopOf(domain), orderId, reason)),
    submitFulfillmentRequest(domain: string, fulfillmentOrderId: string, message: string | null = null) {
      const state = shopOf(domain);
      const fo = state.nodes.get(fulfillmentOrderId);
      if (!fo) throw new Error(`Unknown fulfillment order ${fulfillmentOrderId}`);
      return submitFulfillmentRequest(core, state, fo, { message, notifyCustomer: false }).userErrors as Rec[];
    },
    quoteCheckout: async (domain: string, input: { lines: CheckoutLine[]; destination: CheckoutDestination; locale?: string }): Promise<Quote> => {
      assertSoldOnline(core, shopOf(domain), input.lines.map((l) => l.variantId)); // a buyer's cart only holds what the storefront shows
      return quoteCheckout(deps.checkout, shopOf(domain), input);
    },
    /** The Online Store's catalogue as a buyer sees it: ACTIVE products published to it. */
    storefrontProducts: (domain: string) => onlineStoreProducts(core, shopOf(domain)).map(summarizeProduct),
    /** App-level subscriptions, as `[[webhooks.subscriptions]]` in shopify.app.toml would declare them. */
    subscribeAppWebhooks(topics: string[], uri: string): void {
      deps.appSubscriptions.push({ topics, uri });
    },
    sessionToken: (domain: string, userId?: number) => signSessionToken({ apiKey: core.apiKey, apiSecret: core.apiSecret, shop: domain, userId, clock: core.clock }),
    putStagedUpload(domain: string, key: string, content: string): void {
      shopOf(domain).stagedUploads.set(key, content);
    },
    products: (domain: string) => [...shopOf(domain).products.values()].map(summarizeProduct),
    /**
     * The merchant edits a variant in Shopify's admin (price, compare-at): the admin saves through the same
     * variant update an app uses, and products/update follows as for every product change
     * (shopify.dev/docs/api/webhooks, topic products/update).
     */
    editVariantAsMerchant(domain: string, productId: string, variantId: string, fields: { price?: string; compareAtPrice?: string | null }): void {
      const result = productVariantsBulkUpdate(core, shopOf(domain), { productId, variants: [{ id: variantId, ...fields }] });
      if (result.userErrors.length) throw new Error(`the edit was refused: ${JSON.stringify(result.userErrors)}`);
    },
    orders: (domain: string) => shopOf(domain).orders.map(summarizeOrder),
    fulfillments: (domain: string) => shopOf(domain).fulfillments.map(summarizeFulfillment),
    events: (domain: string, topic?: string) => shopOf(domain).events.filter((e) => !topic || e.topic === topic),
    deliveries: (filter: { shop?: string; topic?: string } = {}): DeliveryRecord[] =>
      deps.sender.log.filter((d) => (!filter.shop || d.shop === filter.shop) && (!filter.topic || d.topic === filter.topic)),
    /** Resolves once async product operations, bulk operations and webhook deliveries (with retries) are done. */
    async settle(): Promise<void> {
      while (deps.pending.size) await Promise.allSettled([...deps.pending]);
    },
  };
}

export function markInstalled(state: ShopState, scopes: string[]): void {
  state.installed = true;
  state.scopes = [...scopes];
}

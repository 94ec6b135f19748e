import type { Emulator } from "../emulator";
import type { Rec } from "../state";
import { PLANS } from "../plans";
import { releaseFulfillmentOrderHold } from "../domains/fulfillment-orders";

export interface ApiReply { status: number; body: unknown }

const ok = (body: unknown, status = 200): ApiReply => ({ status, body });

/**
 * The shell's JSON API, on the emulator's scenario controls: what a merchant or buyer does in the admin
 * and at checkout. Paths are relative to /api/shops/<shop>.
 */
export async function handleShellApi(emulator: Emulator, shop: string, method: string, action: string, input: () => Rec): Promise<ApiReply> {
  const c = emulator.controls;
  if (!emulator.core.shops.has(shop)) return ok({ errors: [{ message: `Unknown shop ${shop}` }] }, 404);
  if (method === "GET" && action === "") return ok(shopSummary(emulator, shop));
  if (method === "GET" && action === "products") return ok(c.products(shop));
  if (method === "GET" && action === "orders") return ok(ordersWithFulfillments(emulator, shop));
  if (method === "GET" && action === "events") return ok(recentEvents(emulator, shop));
  if (method === "POST" && action === "session-token") return ok({ token: c.sessionToken(shop) });
  // Direct API access of admin UI extensions: the block's `query` runs with the app's access to the shop.
  if (method === "POST" && action === "graphql") {
    const body = input();
    return ok(await emulator.graphql(shop, String(body.query ?? ""), (body.variables ?? {}) as Rec));
  }
  if (method === "POST" && action === "orders") return ok(c.placeOrder(shop, input() as never), 201);
  if (method === "POST" && action === "orders/cancel") {
    const body = input();
    return ok(c.cancelOrder(shop, String(body.orderId), body.reason ? String(body.reason) : undefined));
  }
  if (method === "POST" && action === "orders/release-hold") {
    // What the merchant does in Shopify admin once the payment arrives: release every hold on the order.
    const state = c.shop(shop);
    const order = state.nodes.get(String(input().orderId));
    if (!order || order.__typename !== "Order") return ok({ errors: [{ message: "Order not found" }] }, 404);
    const held = (order.fulfillmentOrderList as Rec[]).filter((fo) => fo.status === "ON_HOLD");
    return ok({ released: held.map((fo) => releaseFulfillmentOrderHold(emulator.core, state, fo.id, null).fulfillmentOrder?.id ?? null) });
  }
  if (method === "POST" && action === "checkout") {
    const quote = await c.quoteCheckout(shop, input() as never).catch((error: Error) => error);
    if (quote instanceof Error) return ok({ errors: [{ message: quote.message }] }, 400); // e.g. a product the storefront does not sell
    return ok({ source: quote.source, rates: quote.rates, callbackOutcome: quote.callbackOutcome ?? null, currency: quote.request?.rate?.currency ?? null });
  }
  return ok({ errors: [{ message: "Not Found" }] }, 404);
}

function shopSummary(emulator: Emulator, shop: string): Rec {
  const state = emulator.controls.shop(shop);
  return {
    domain: shop, name: state.shop.name, plan: PLANS[state.plan].displayName, currencyCode: state.shop.currencyCode,
    installed: state.installed, carrierServices: state.carrierServices.map((s) => ({ name: s.name, active: s.active })),
  };
}

function ordersWithFulfillments(emulator: Emulator, shop: string): Rec[] {
  const c = emulator.controls;
  const state = c.shop(shop);
  const fulfillments = c.fulfillments(shop);
  return c.orders(shop).reverse().map((o) => {
    const record = state.nodes.get(o.id);
    return {
      ...o,
      createdAt: record?.createdAt ?? null,
      total: record?.totalPriceSet?.shopMoney ?? null,
      shippingLine: record?.shippingLine ? { title: record.shippingLine.title, price: record.shippingLine.originalPriceSet.shopMoney } : null,
      destination: record?.shippingAddress?.countryCodeV2 ?? null,
      lineTitles: (record?.lineItems ?? []).map((li: Rec) => `${li.quantity} × ${li.name ?? li.title ?? li.sku}`),
      fulfillments: fulfillments.filter((f) => f.orderId === o.id),
    };
  });
}

function recentEvents(emulator: Emulator, shop: string): Rec[] {
  const deliveries = emulator.controls.deliveries({ shop });
  return emulator.controls.events(shop).slice(-50).reverse().map((e) => {
    const sent = deliveries.filter((d) => d.eventId === e.eventId);
    return {
      topic: e.topic, at: e.at, id: e.payload?.admin_graphql_api_id ?? e.payload?.id ?? null,
      deliveries: sent.map((d) => ({ state: d.state, attempts: d.attempts, lastStatus: d.statuses.at(-1) ?? null })),
    };
  });
}

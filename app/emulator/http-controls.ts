import type { EmuRequest, EmuResponse, RouteDeps } from "./http-server";
import { json as sendJson } from "./http-server";

/**
 * JSON endpoints for the demo and scripts, mirroring the programmatic controls:
 *   POST /_emulator/shops                          {domain, plan, currencyCode, address, ianaTimezone, ...}
 *   POST /_emulator/shops/<shop>/install           {expiring?} -> {accessToken, refreshToken?, scope}
 *   POST /_emulator/shops/<shop>/uninstall
 *   POST /_emulator/shops/<shop>/plan              {plan}
 *   POST /_emulator/shops/<shop>/backup-rates      {rates: [...]}
 *   POST /_emulator/shops/<shop>/orders            {lines, shippingAddress, ...}
 *   POST /_emulator/shops/<shop>/orders/cancel     {orderId, reason?}
 *   POST /_emulator/shops/<shop>/checkout          {lines, destination} -> quote
 *   POST /_emulator/shops/<shop>/session-token     {userId?} -> {token}
 *   GET  /_emulator/shops/<shop>/{products|orders|fulfillments|events|deliveries}
 *   POST /_emulator/webhooks                       {topics, uri}  (app-level subscription)
 *   POST /_emulator/settle
 *   POST /_emulator/staged-uploads/<shop>          multipart form (key + file), like the GCS target
 *   PUT  /_emulator/staged-uploads/<shop>/<key>    raw body
 *   GET  /_emulator/bulk-results/<shop>/<id>.jsonl
 */
export async function handleControlRoute(deps: RouteDeps, req: EmuRequest, path: string): Promise<EmuResponse> {
  const { body } = req;
  const search = req.url.searchParams;
  const c = deps.controls;
  const input = () => (body.length ? (JSON.parse(body.toString("utf8")) as Record<string, any>) : {}); // eslint-disable-line @typescript-eslint/no-explicit-any
  const parts = path.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
  const [area, shop, action, sub] = parts;
  const method = req.method ?? "GET";
  try {
    if (area === "health") return sendJson(200, { ok: true });
    if (area === "settle" && method === "POST") { await c.settle(); return sendJson(200, { ok: true }); }
    if (area === "webhooks" && method === "POST") { const b = input(); c.subscribeAppWebhooks(b.topics, b.uri); return sendJson(201, { ok: true }); }
    if (area === "staged-uploads" && shop) {
      if (method === "PUT") { c.putStagedUpload(shop, parts.slice(2).join("/"), body.toString("utf8")); return sendJson(200, {}); }
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
      const key = String(form.get("key") ?? "");
      const file = form.get("file");
      const content = typeof file === "string" ? file : file ? await file.text() : "";
      c.putStagedUpload(shop, key, content);
      return { status: 201, headers: { "Content-Type": "application/xml" }, body: `<?xml version="1.0" encoding="UTF-8"?><PostResponse><Bucket>shopify-staged-uploads</Bucket><Key>${key}</Key></PostResponse>` };
    }
    if (area === "bulk-results" && shop && action) {
      const text = c.shop(shop).bulkResults.get(action);
      if (text === undefined) return sendJson(404, { errors: "Not Found" });
      return { status: 200, headers: { "Content-Type": "application/jsonl" }, body: text };
    }
    if (area === "shops" && !shop && method === "POST") { const s = c.createShop(input() as never); return sendJson(201, { domain: s.domain, shopId: s.shop.id }); }
    if (area === "shops" && shop) {
      if (method === "GET") {
        if (action === "products") return sendJson(200, c.products(shop));
        if (action === "orders") return sendJson(200, c.orders(shop));
        if (action === "fulfillments") return sendJson(200, c.fulfillments(shop));
        if (action === "events") return sendJson(200, c.events(shop, search.get("topic") ?? undefined));
        if (action === "deliveries") return sendJson(200, c.deliveries({ shop, topic: search.get("topic") ?? undefined }));
      }
      if (method === "POST") {
        const b = input();
        if (action === "install") return sendJson(200, c.installApp(shop, b));
        if (action === "uninstall") { c.uninstallApp(shop); return sendJson(200, { ok: true }); }
        if (action === "plan") { c.setPlan(shop, b.plan); return sendJson(200, { ok: true }); }
        if (action === "backup-rates") { c.setBackupRates(shop, b.rates); return sendJson(200, { ok: true }); }
        if (action === "orders" && sub === "cancel") return sendJson(200, c.cancelOrder(shop, b.orderId, b.reason));
        if (action === "orders") return sendJson(201, c.placeOrder(shop, b as never));
        if (action === "checkout") return sendJson(200, await c.quoteCheckout(shop, b as never));
        if (action === "session-token") return sendJson(200, { token: c.sessionToken(shop, b.userId) });
      }
    }
    return sendJson(404, { errors: "Not Found" });
  } catch (error) {
    return sendJson(400, { errors: [{ message: (error as Error).message }] });
  }
}

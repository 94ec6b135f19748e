import { createHmac } from "node:crypto";

/**
 * A request as Shopify forwards it through the app proxy (shopify.dev, "Authenticate app proxies"): the buyer's
 * query plus shop, logged_in_customer_id, path_prefix and timestamp, signed with HMAC-SHA256 (hex) of the
 * parameters sorted by name, each as `name=value` with repeated values joined by ",", concatenated without a
 * separator, keyed with the app's secret.
 */
export function appProxyRequest(shop: string, path: string, query: Record<string, string | string[]>, options: { secret?: string; timestamp?: number; tamper?: Record<string, string> } = {}): Request {
  const params: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(query)) params[name] = Array.isArray(value) ? value : [value];
  params.shop = [shop];
  params.logged_in_customer_id = [""];
  params.path_prefix = ["/apps/silkroute"];
  params.timestamp = [String(options.timestamp ?? Math.floor(Date.now() / 1000))];
  const message = Object.keys(params).sort().map((name) => `${name}=${params[name]!.join(",")}`).join("");
  const signature = createHmac("sha256", options.secret ?? process.env.SHOPIFY_API_SECRET!).update(message).digest("hex");
  const url = new URL(path, process.env.SHOPIFY_APP_URL);
  for (const [name, values] of Object.entries({ ...params, ...Object.fromEntries(Object.entries(options.tamper ?? {}).map(([k, v]) => [k, [v]])) })) {
    for (const value of values) url.searchParams.append(name, value);
  }
  url.searchParams.set("signature", signature);
  return new Request(url);
}

import { createHmac } from "node:crypto";

/**
 * Shopify's app proxy signing (shopify.dev, "Authenticate app proxies"): the forwarded query gets shop,
 * logged_in_customer_id, path_prefix and timestamp, and `signature` = hex HMAC-SHA256, keyed with the app's secret,
 * of every parameter but `signature`, sorted by name, each as `name=value` with repeated values joined by ",",
 * concatenated without a separator.
 */
export function signAppProxyQuery(query: URLSearchParams, input: { shop: string; secret: string; pathPrefix: string; timestamp: number; customerId?: string }): URLSearchParams {
  const params = new URLSearchParams(query);
  params.delete("signature");
  params.set("shop", input.shop);
  params.set("logged_in_customer_id", input.customerId ?? "");
  params.set("path_prefix", input.pathPrefix);
  params.set("timestamp", String(Math.floor(input.timestamp / 1000)));
  const names = [...new Set(params.keys())].sort();
  const message = names.map((name) => `${name}=${params.getAll(name).join(",")}`).join("");
  params.set("signature", createHmac("sha256", input.secret).update(message).digest("hex"));
  return params;
}

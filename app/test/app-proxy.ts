import { signAppProxyQuery } from "../emulator/admin-shell/app-proxy";

/** A request as Shopify forwards it through the app proxy, signed as the emulator's storefront signs it. */
export function appProxyRequest(shop: string, path: string, query: Record<string, string | string[]>, options: { secret?: string; timestamp?: number; tamper?: Record<string, string> } = {}): Request {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  const signed = signAppProxyQuery(params, {
    shop, secret: options.secret ?? process.env.SHOPIFY_API_SECRET!, pathPrefix: "/apps/silkroute",
    timestamp: options.timestamp !== undefined ? options.timestamp * 1000 : Date.now(),
  });
  for (const [name, value] of Object.entries(options.tamper ?? {})) signed.set(name, value);
  const url = new URL(path, process.env.SHOPIFY_APP_URL);
  url.search = signed.toString();
  return new Request(url);
}

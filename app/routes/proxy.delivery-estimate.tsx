// App proxy endpoint for the storefront delivery estimate block: Shopify forwards
// /apps/silkroute/delivery-estimate to <app>/proxy/delivery-estimate with shop, path_prefix, timestamp and an HMAC
// `signature` (shopify.dev, "Authenticate app proxies"). authenticate.public.appProxy checks that signature and
// answers 400 when it is missing or wrong; the shop comes only from the signed parameters.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { deliveryEstimate, estimateQuerySchema } from "../server/extensions/delivery-estimate/estimate.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.public.appProxy(request);
  if (!session) return json({ error: "The app is not installed on this shop" }, { status: 404 });
  const parsed = estimateQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return json({ error: "variant, country, currency, price and grams are required" }, { status: 400 });
  // Per buyer country and variant; the browser may keep it a few minutes, shared caches must not mix shops.
  return json(await deliveryEstimate(session.shop, parsed.data), { headers: { "Cache-Control": "private, max-age=300" } });
};

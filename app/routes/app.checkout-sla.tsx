import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { checkoutSla } from "../server/shipping/sla/checkout-sla.server";
import { authenticate } from "../shopify.server";

/** The home page's checkout-SLA card loads this (issue #16). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await checkoutSla(session.shop));
};

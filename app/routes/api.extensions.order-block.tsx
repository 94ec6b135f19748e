// Data for the order details admin block. Admin UI extensions fetch with the session token as a Bearer header
// from Shopify's extension origin, so the answer goes through authenticate.admin's CORS helper.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { orderBlockData } from "../server/extensions/admin-blocks/order-block.server";
import { GidError } from "../server/shopify/gid";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, cors } = await authenticate.admin(request);
  const id = new URL(request.url).searchParams.get("id") ?? "";
  try {
    return cors(json(await orderBlockData(session.shop, id)));
  } catch (error) {
    if (error instanceof GidError) return cors(json({ error: "id must be an order id" }, { status: 400 }));
    throw error;
  }
};

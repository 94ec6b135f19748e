// Data for the product details admin block (see api.extensions.order-block.tsx for the auth and CORS notes).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { productBlockData } from "../server/extensions/admin-blocks/product-block.server";
import { GidError } from "../server/shopify/gid";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, cors } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const currency = params.get("currency");
  if (currency !== null && !/^[A-Z]{3}$/.test(currency)) return cors(json({ error: "currency must be an ISO 4217 code" }, { status: 400 }));
  try {
    return cors(json(await productBlockData(session.shop, params.get("id") ?? "", currency)));
  } catch (error) {
    if (error instanceof GidError) return cors(json({ error: "id must be a product id" }, { status: 400 }));
    throw error;
  }
};

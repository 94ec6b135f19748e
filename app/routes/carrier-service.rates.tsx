// Shopify's CarrierService callback (public: outside the app.* layout, authenticated by the request itself).
import type { ActionFunctionArgs } from "@remix-run/node";
import { answerRateRequest } from "../server/shipping/carrier-service/rates.server";

export const action = ({ request }: ActionFunctionArgs) => answerRateRequest(request);

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });

// CJ Dropshipping's webhook receiver (public; authenticated by CJ's `sign` header over the raw body).
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveCjWebhook } from "../server/suppliers/cj/webhook-receiver.server";

export const action = ({ request, params }: ActionFunctionArgs) => receiveCjWebhook(request, params.connectionId ?? "");

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });

import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { dataRequestFile } from "../server/compliance/data-requests.server";

// A download of one data request's export (?format=json|csv), for the shop whose session token asks.
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "json";
  const file = await dataRequestFile(session.shop, params.id ?? "", format);
  if (!file) return new Response("This request has no export.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.type,
      "Content-Disposition": `attachment; filename="${file.name}"`,
      // Personal data: never kept by a browser or proxy cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
};

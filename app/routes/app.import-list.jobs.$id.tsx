import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { importJobStatus } from "../server/sourcing/imports/import-jobs.server";
import { authenticate } from "../shopify.server";

/** The progress bar polls this while an import runs. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const status = await importJobStatus(session.shop, params.id!);
  if (!status) throw new Response("Not found", { status: 404 }); // i18n-ignore: answered to the progress poller, never shown
  return json(status);
};

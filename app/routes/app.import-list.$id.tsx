import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Page } from "@shopify/polaris";
import { useEffect } from "react";
import { HsCodeWarning } from "../components/shipping/hs-code-warning";
import { ImportItemForm } from "../components/sourcing/import-item-form";
import { editFromForm, importItemEditView } from "../server/sourcing/import-list/import-list-page.server";
import { ImportListError, updateImportItem } from "../server/sourcing/import-list/import-list.server";
import { startImport } from "../server/sourcing/imports/import-jobs.server";
import { getSourcingSettings } from "../server/sourcing/settings.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const view = await importItemEditView(session.shop, params.id!, session.accessToken ? adminClientForSession(session) : null);
  if (!view) throw new Response("Not in your import list", { status: 404 });
  return json(view);
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const { pricingRules } = await getSourcingSettings(session.shop);
  const { edit, error } = editFromForm(form, pricingRules.currency);
  if (error) return json({ message: error }, { status: 422 });
  try {
    await updateImportItem(session.shop, params.id!, edit);
    if (form.get("intent") === "push") {
      await startImport(session.shop, [params.id!], { mode: "sync" });
      return redirect("/app/import-list");
    }
    return json({ message: null });
  } catch (e) {
    if (e instanceof ImportListError) return json({ message: e.message, upgrade: e.planLimit }, { status: 422 });
    throw e;
  }
};

export default function ImportItemPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  // The form's buttons are at the bottom: bring a refusal (e.g. the plan's import limit) into view.
  useEffect(() => { if (result?.message) window.scrollTo({ top: 0 }); }, [result]);
  return (
    <Page title={view.item.title || view.chinese.title || "Untitled product"} backAction={{ url: "/app/import-list" }}
      subtitle={view.item.productGid ? "In your store; pushing again updates it" : `${view.item.supplier} ${view.item.supplierProductId}`}>
      <BlockStack gap="400">
        {result?.message ? <Banner tone="critical" action={"upgrade" in result && result.upgrade ? { content: "See plans", url: "/app/plans" } : undefined}>{result.message}</Banner> : null}
        {view.chinese.missing ? <Banner tone="warning" title="English copy missing">{view.chinese.missing} The Chinese original is shown beside each field.</Banner> : null}
        <HsCodeWarning hsCode={view.item.snapshot.hsCode} />
        <ImportItemForm key={JSON.stringify(view.variants)} view={view} busy={busy} />
      </BlockStack>
    </Page>
  );
}

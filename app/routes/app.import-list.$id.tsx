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
import { useT } from "../i18n/react";
import { supplierName } from "../i18n/partners";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const view = await importItemEditView(session.shop, params.id!, session.accessToken ? adminClientForSession(session) : null);
  if (!view) throw new Response("Not in your import list", { status: 404 }); // i18n-ignore: a thrown 404 shows its status, not this body
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
    if (e instanceof ImportListError) return json({ message: e.i18n, upgrade: e.planLimit }, { status: 422 });
    throw e;
  }
};

export default function ImportItemPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT("import-item");
  // The form's buttons are at the bottom: bring a refusal (e.g. the plan's import limit) into view.
  useEffect(() => { if (result?.message) window.scrollTo({ top: 0 }); }, [result]);
  const gaps = view.chinese.missing;
  return (
    <Page title={view.item.title || view.chinese.title || t("untitled")} backAction={{ url: "/app/import-list" }}
      subtitle={view.item.productGid ? t("inStore") : t("supplierProduct", { supplier: supplierName(t, view.item.supplier), id: view.item.supplierProductId })}>
      <BlockStack gap="400">
        {result?.message ? <Banner tone="critical" action={"upgrade" in result && result.upgrade ? { content: t("seePlans"), url: "/app/plans" } : undefined}>{t(result.message.key, result.message.values)}</Banner> : null}
        {gaps.length ? <Banner tone="warning" title={t("englishMissing.title")}>{t("englishMissing.body", { gaps: gaps.length > 1 ? "both" : gaps[0]! })}</Banner> : null}
        <HsCodeWarning hsCode={view.item.snapshot.hsCode} />
        <ImportItemForm key={JSON.stringify(view.variants)} view={view} busy={busy} />
      </BlockStack>
    </Page>
  );
}

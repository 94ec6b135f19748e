import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Card, EmptyState, IndexTable, Page, Text, Thumbnail, useIndexResourceState } from "@shopify/polaris";
import { ImportProgress } from "../components/sourcing/import-progress";
import { importListView } from "../server/sourcing/import-list/import-list-page.server";
import { ImportListError, removeImportItems } from "../server/sourcing/import-list/import-list.server";
import { startImport } from "../server/sourcing/imports/import-jobs.server";
import { shopCountry } from "../server/sourcing/settings.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { authenticate } from "../shopify.server";
import { message } from "../i18n/message";
import { failureMessage, translateFailure } from "../i18n/failure";
import { useFormat, useT } from "../i18n/react";
import { supplierName } from "../i18n/partners";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const country = session.accessToken ? await shopCountry(adminClientForSession(session)).catch(() => null) : null;
  return json(await importListView(session.shop, country));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const ids = form.getAll("id").map(String);
  try {
    if (form.get("intent") === "remove") return json({ ok: true, message: message("import-list:removed", { count: await removeImportItems(session.shop, ids) }) });
    await startImport(session.shop, ids);
    return json({ ok: true, message: message("import-list:pushing", { count: ids.length }) });
  } catch (error) {
    if (error instanceof ImportListError) return json({ ok: false, message: failureMessage("import-list:failed", error), upgrade: error.planLimit }, { status: 422 });
    throw error;
  }
};

const TONE: Record<string, "success" | "critical" | "info" | undefined> = { pushed: "success", failed: "critical", queued: "info" };

export default function ImportList() {
  const { items, job } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const t = useT("import-list");
  const fmt = useFormat();
  const { selectedResources, allResourcesSelected, handleSelectionChange } = useIndexResourceState(items);
  const send = (intent: string) => {
    const form = new FormData();
    form.set("intent", intent);
    for (const id of selectedResources) form.append("id", id);
    submit(form, { method: "post" });
  };
  return (
    <Page title={t("title")} primaryAction={{ content: t("push"), disabled: !selectedResources.length || busy, onAction: () => send("import") }}
      secondaryActions={[{ content: t("remove"), destructive: true, disabled: !selectedResources.length, onAction: () => send("remove") }, { content: t("common:nav.catalog"), url: "/app/catalog" }, { content: t("common:nav.mappings"), url: "/app/mappings" }]}>
      <BlockStack gap="400">
        {result ? <Banner tone={result.ok ? "success" : "critical"} action={"upgrade" in result && result.upgrade ? { content: t("seePlans"), url: "/app/plans" } : undefined}>{translateFailure(t, result.message)}</Banner> : null}
        {job ? <ImportProgress key={job.id} initial={job} /> : null}
        <Card padding="0">
          {items.length === 0 ? (
            <EmptyState heading={t("empty.heading")} action={{ content: t("empty.action"), url: "/app/catalog" }} image="">
              <Text as="p">{t("empty.body")}</Text>
            </EmptyState>
          ) : (
            <IndexTable resourceName={{ singular: t("resource.singular"), plural: t("resource.plural") }} itemCount={items.length} onSelectionChange={handleSelectionChange}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              headings={[{ title: "" }, { title: t("columns.product") }, { title: t("columns.variants") }, { title: t("columns.price") }, { title: t("columns.margin") }, { title: t("columns.status") }, { title: t("columns.visibleOn") }]}>
              {items.map((item, index) => (
                <IndexTable.Row id={item.id} key={item.id} position={index} selected={selectedResources.includes(item.id)}>
                  <IndexTable.Cell><Thumbnail source={item.image ?? ""} alt={item.title} size="small" /></IndexTable.Cell>
                  <IndexTable.Cell>
                    <span translate="no"><Link to={`/app/import-list/${item.id}`}>{item.title || item.titleZh || item.supplierProductId}</Link></span> <Text as="span" tone="subdued">{t("supplierProduct", { supplier: supplierName(t, item.supplier), id: item.supplierProductId })}</Text>
                    {item.titleZh && item.title ? <Text as="p" tone="subdued">{item.titleZh}</Text> : null}
                    {item.englishMissing ? <Badge tone="warning">{t("englishMissing")}</Badge> : null}
                    {item.euMissing.length ? <Badge tone="attention">{t("euMissing", { fields: fmt.list(item.euMissing.map((gap) => t(`euGap.${gap}`))) })}</Badge> : null}
                  </IndexTable.Cell>
                  <IndexTable.Cell>{item.variants}</IndexTable.Cell>
                  <IndexTable.Cell>{item.price}</IndexTable.Cell>
                  <IndexTable.Cell>{item.margin}</IndexTable.Cell>
                  <IndexTable.Cell><Badge tone={TONE[item.status]}>{t(`status.${item.status}`, { defaultValue: item.status })}</Badge>{item.lastError ? <Text as="p" tone="critical">{item.lastError}</Text> : null}</IndexTable.Cell>
                  <IndexTable.Cell>{item.visibleOn.length ? <span translate="no">{item.visibleOn.join(", ")}</span> : <Text as="span" tone="subdued">{item.status === "pushed" ? t("noSalesChannel") : "–"}</Text>}</IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}

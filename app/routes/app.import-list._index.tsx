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
    if (form.get("intent") === "remove") return json({ ok: true, message: `Removed ${await removeImportItems(session.shop, ids)} from the import list.` });
    await startImport(session.shop, ids);
    return json({ ok: true, message: `Pushing ${ids.length} product${ids.length === 1 ? "" : "s"} to your store.` });
  } catch (error) {
    if (error instanceof ImportListError) return json({ ok: false, message: error.message, upgrade: error.planLimit }, { status: 422 });
    throw error;
  }
};

const TONE: Record<string, "success" | "critical" | "info" | undefined> = { pushed: "success", failed: "critical", queued: "info" };

export default function ImportList() {
  const { items, job } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const { selectedResources, allResourcesSelected, handleSelectionChange } = useIndexResourceState(items);
  const send = (intent: string) => {
    const form = new FormData();
    form.set("intent", intent);
    for (const id of selectedResources) form.append("id", id);
    submit(form, { method: "post" });
  };
  return (
    <Page title="Import list" primaryAction={{ content: "Push selected to Shopify", disabled: !selectedResources.length || busy, onAction: () => send("import") }}
      secondaryActions={[{ content: "Remove selected", destructive: true, disabled: !selectedResources.length, onAction: () => send("remove") }, { content: "Catalog", url: "/app/catalog" }, { content: "Supplier mappings", url: "/app/mappings" }]}>
      <BlockStack gap="400">
        {result ? <Banner tone={result.ok ? "success" : "critical"} action={"upgrade" in result && result.upgrade ? { content: "See plans", url: "/app/plans" } : undefined}>{result.message}</Banner> : null}
        {job ? <ImportProgress key={job.id} initial={job} /> : null}
        <Card padding="0">
          {items.length === 0 ? (
            <EmptyState heading="Your import list is empty" action={{ content: "Browse the catalog", url: "/app/catalog" }} image="">
              <Text as="p">Add products from the catalog, edit them here, then push them to your store.</Text>
            </EmptyState>
          ) : (
            <IndexTable resourceName={{ singular: "product", plural: "products" }} itemCount={items.length} onSelectionChange={handleSelectionChange}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              headings={[{ title: "" }, { title: "Product" }, { title: "Variants" }, { title: "Price" }, { title: "Margin" }, { title: "Status" }, { title: "Visible on" }]}>
              {items.map((item, index) => (
                <IndexTable.Row id={item.id} key={item.id} position={index} selected={selectedResources.includes(item.id)}>
                  <IndexTable.Cell><Thumbnail source={item.image ?? ""} alt={item.title} size="small" /></IndexTable.Cell>
                  <IndexTable.Cell>
                    <Link to={`/app/import-list/${item.id}`}>{item.title || item.titleZh || item.supplierProductId}</Link> <Text as="span" tone="subdued">{item.supplier} {item.supplierProductId}</Text>
                    {item.titleZh && item.title ? <Text as="p" tone="subdued">{item.titleZh}</Text> : null}
                    {item.englishMissing ? <Badge tone="warning">English missing</Badge> : null}
                    {item.euMissing.length ? <Badge tone="attention">{`EU data missing: ${item.euMissing.join(", ")}`}</Badge> : null}
                  </IndexTable.Cell>
                  <IndexTable.Cell>{item.variants}</IndexTable.Cell>
                  <IndexTable.Cell>{item.price}</IndexTable.Cell>
                  <IndexTable.Cell>{item.margin}</IndexTable.Cell>
                  <IndexTable.Cell><Badge tone={TONE[item.status]}>{item.status}</Badge>{item.lastError ? <Text as="p" tone="critical">{item.lastError}</Text> : null}</IndexTable.Cell>
                  <IndexTable.Cell>{item.visibleOn.length ? item.visibleOn.join(", ") : <Text as="span" tone="subdued">{item.status === "pushed" ? "No sales channel" : "–"}</Text>}</IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}

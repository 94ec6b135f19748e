import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Page, Pagination, Text } from "@shopify/polaris";
import { CatalogFilters } from "../components/sourcing/catalog-filters";
import { CatalogGrid } from "../components/sourcing/catalog-grid";
import { catalogFacets, filtersFrom, PAGE_SIZE, searchCatalog } from "../server/sourcing/catalog/catalog.server";
import { addToImportList, ImportListError } from "../server/sourcing/import-list/import-list.server";
import { isSupplierCode } from "../server/sourcing/supplier-connections.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const filters = await filtersFrom(session.shop, new URL(request.url).searchParams);
  // Constants travel in the loader data: .server modules do not reach the browser bundle.
  const [facets, result] = await Promise.all([catalogFacets(session.shop, filters.supplier), searchCatalog(session.shop, filters)]);
  return json({ filters, categories: facets.categories, warehouses: facets.warehouses, pageSize: PAGE_SIZE, result });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const supplier = String(form.get("supplier"));
  if (!isSupplierCode(supplier)) return json({ ok: false, message: "Unknown supplier." }, { status: 400 });
  try {
    const item = await addToImportList(session.shop, supplier, String(form.get("productId")));
    return json({ ok: true, message: `"${item.title}" is in your import list.` });
  } catch (error) {
    if (error instanceof ImportListError) return json({ ok: false, message: error.message }, { status: 422 });
    throw error;
  }
};

export default function Catalog() {
  const { filters, categories, warehouses, pageSize, result } = useLoaderData<typeof loader>();
  const added = useActionData<typeof action>();
  const [params, setParams] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const goTo = (page: number) => { const next = new URLSearchParams(params); next.set("page", String(page)); setParams(next); };
  const hasNext = result.total === null ? result.items.length === pageSize : filters.page * pageSize < result.total;
  return (
    <Page title="Catalog" secondaryActions={[{ content: "Import list", url: "/app/import-list" }]}>
      <BlockStack gap="400">
        {added ? <Banner tone={added.ok ? "success" : "critical"}>{added.message}</Banner> : null}
        {result.error ? <Banner tone="critical">{result.error}</Banner> : null}
        <CatalogFilters initial={filters} suppliers={result.suppliers} capabilities={result.capabilities} costCurrency={result.costCurrency}
          categories={categories} warehouses={warehouses} />
        {"rate" in result && result.rate ? (
          <Text as="p" tone="subdued">
            Prices use 1 {result.rate.from} = {result.rate.rate.toFixed(4)} {result.rate.to} ({result.rate.overridden ? "your manual rate" : `${result.rate.source.toUpperCase()}, ${result.rate.effectiveDate}`}).
            {result.total !== null ? ` ${result.total} products.` : ""}
          </Text>
        ) : null}
        <CatalogGrid items={result.items} supplier={filters.supplier} busy={busy} />
        <Pagination hasPrevious={filters.page > 1} onPrevious={() => goTo(filters.page - 1)} hasNext={hasNext} onNext={() => goTo(filters.page + 1)}
          label={`Page ${filters.page}`} />
      </BlockStack>
    </Page>
  );
}

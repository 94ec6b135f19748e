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
import { message } from "../i18n/message";
import { failureMessage, translateFailure } from "../i18n/failure";
import { useFormat, useT } from "../i18n/react";

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
  if (!isSupplierCode(supplier)) return json({ ok: false, message: message("catalog:unknownSupplier") }, { status: 400 });
  try {
    const item = await addToImportList(session.shop, supplier, String(form.get("productId")));
    return json({ ok: true, message: message("catalog:added", { title: item.title }) });
  } catch (error) {
    // The error's catalog message in the merchant's language (a supplier's own explanation rides in it as given).
    if (error instanceof ImportListError) return json({ ok: false, message: failureMessage("catalog:addFailed", error) }, { status: 422 });
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
  const t = useT("catalog");
  const fmt = useFormat();
  const rate = "rate" in result && result.rate ? result.rate : null;
  return (
    <Page title={t("title")} secondaryActions={[{ content: t("importListLink"), url: "/app/import-list" }]}>
      <BlockStack gap="400">
        {added ? <Banner tone={added.ok ? "success" : "critical"}>{translateFailure(t, added.message)}</Banner> : null}
        {result.error ? <Banner tone="critical">{result.error}</Banner> : null}
        <CatalogFilters initial={filters} suppliers={result.suppliers} capabilities={result.capabilities} costCurrency={result.costCurrency}
          categories={categories} warehouses={warehouses} />
        {rate ? (
          <Text as="p" tone="subdued">
            {t(rate.overridden ? "rateManual" : "rateSource", { from: rate.from, to: rate.to, rate: rate.rate.toFixed(4), source: rate.source.toUpperCase(), date: fmt.calendarDate(rate.effectiveDate) })}
            {result.total !== null ? ` ${t("productCount", { count: result.total })}` : ""}
          </Text>
        ) : null}
        <CatalogGrid items={result.items} supplier={filters.supplier} busy={busy} />
        <Pagination hasPrevious={filters.page > 1} onPrevious={() => goTo(filters.page - 1)} hasNext={hasNext} onNext={() => goTo(filters.page + 1)}
          label={t("page", { page: filters.page })} />
      </BlockStack>
    </Page>
  );
}

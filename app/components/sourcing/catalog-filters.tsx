import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, FormLayout, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../../i18n/react";
import { supplierName } from "../../i18n/partners";

export interface CatalogFiltersView {
  supplier: string; q: string; category: string; priceMin: string; priceMax: string; shipsFrom: string; inStock: boolean; sort: string;
}

const SORTS = ["relevance", "price_asc", "price_desc", "newest"] as const;

export function CatalogFilters(props: {
  initial: CatalogFiltersView; suppliers: Array<{ value: string; label: string }>; categories: Array<{ label: string; value: string }>; warehouses: Array<{ label: string; value: string }>;
  capabilities: string[]; costCurrency: string;
}) {
  const t = useT("catalog");
  const [f, setF] = useState(props.initial);
  const set = (key: keyof CatalogFiltersView) => (value: string | boolean) => setF((x) => ({ ...x, [key]: value }));
  const off = (c: string) => !props.capabilities.includes(c);
  const suppliers = props.suppliers.map((s) => ({ value: s.value, label: supplierName(t, s.value) }));
  return (
    <Card>
      <Form method="get">
        <BlockStack gap="300">
          <FormLayout>
            <FormLayout.Group>
              <SearchField initial={props.initial.q} disabled={off("catalog.keyword")} supplier={f.supplier} />
              <Select label={t("filters.supplier")} name="supplier" options={suppliers} value={f.supplier} onChange={set("supplier")} />
            </FormLayout.Group>
            <FormLayout.Group>
              <Select label={t("filters.category")} name="category" value={f.category} onChange={set("category")} disabled={off("catalog.category")}
                options={[{ label: t("filters.allCategories"), value: "" }, ...props.categories]} />
              <Select label={t("filters.shipsFrom")} name="shipsFrom" value={f.shipsFrom} onChange={set("shipsFrom")} disabled={off("catalog.ships-from")}
                options={[{ label: t("filters.anyWarehouse"), value: "" }, ...props.warehouses]} />
              <TextField label={t("filters.minCost", { currency: props.costCurrency })} name="priceMin" value={f.priceMin} onChange={set("priceMin")} autoComplete="off" disabled={off("catalog.price-range")} />
              <TextField label={t("filters.maxCost", { currency: props.costCurrency })} name="priceMax" value={f.priceMax} onChange={set("priceMax")} autoComplete="off" disabled={off("catalog.price-range")} />
            </FormLayout.Group>
            <FormLayout.Group>
              <Select label={t("filters.sort")} name="sort" options={SORTS.map((value) => ({ value, label: t(`filters.sorts.${value}`) }))} value={f.sort} onChange={set("sort")} disabled={off("catalog.sort")} />
              <Checkbox label={t("filters.inStockOnly")} name="inStock" checked={f.inStock} onChange={set("inStock")} disabled={off("catalog.in-stock-only")} />
            </FormLayout.Group>
          </FormLayout>
          {f.inStock ? <input type="hidden" name="inStock" value="on" /> : null}
          <Button submit variant="primary">{t("filters.submit")}</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}

/**
 * The keyword field keeps its own state, so a keystroke re-renders this field only, not every filter (the category
 * list can be long): typing is the catalog's most frequent interaction (INP, Built for Shopify, #17).
 */
/** Its own state, so typing re-renders the field alone rather than every filter. */
function SearchField({ initial, disabled, supplier }: { initial: string; disabled: boolean; supplier: string }) {
  const t = useT("catalog");
  const [q, setQ] = useState(initial);
  return (
    <TextField label={t("filters.search")} name="q" value={q} onChange={setQ} autoComplete="off" disabled={disabled}
      helpText={disabled ? t(supplier === "jd" ? "filters.noKeywordSearchJd" : "filters.noKeywordSearch") : undefined} />
  );
}

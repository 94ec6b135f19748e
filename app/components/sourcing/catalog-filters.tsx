import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, FormLayout, Select, TextField } from "@shopify/polaris";
import { useState } from "react";

export interface CatalogFiltersView {
  supplier: string; q: string; category: string; priceMin: string; priceMax: string; shipsFrom: string; inStock: boolean; sort: string;
}

const SORTS = [
  { label: "Relevance", value: "relevance" }, { label: "Price: low to high", value: "price_asc" },
  { label: "Price: high to low", value: "price_desc" }, { label: "Newest", value: "newest" },
];

export function CatalogFilters(props: {
  initial: CatalogFiltersView; suppliers: Array<{ value: string; label: string }>; categories: Array<{ label: string; value: string }>; warehouses: Array<{ label: string; value: string }>;
  capabilities: string[]; costCurrency: string;
}) {
  const [f, setF] = useState(props.initial);
  const set = (key: keyof CatalogFiltersView) => (value: string | boolean) => setF((x) => ({ ...x, [key]: value }));
  const off = (c: string) => !props.capabilities.includes(c);
  return (
    <Card>
      <Form method="get">
        <BlockStack gap="300">
          <FormLayout>
            <FormLayout.Group>
              <SearchField initial={props.initial.q} disabled={off("catalog.keyword")} supplier={f.supplier} />
              <Select label="Supplier" name="supplier" options={props.suppliers} value={f.supplier} onChange={set("supplier")} />
            </FormLayout.Group>
            <FormLayout.Group>
              <Select label="Category" name="category" value={f.category} onChange={set("category")} disabled={off("catalog.category")}
                options={[{ label: "All", value: "" }, ...props.categories]} />
              <Select label="Ships from" name="shipsFrom" value={f.shipsFrom} onChange={set("shipsFrom")} disabled={off("catalog.ships-from")}
                options={[{ label: "Any warehouse", value: "" }, ...props.warehouses]} />
              <TextField label={`Min cost (${props.costCurrency})`} name="priceMin" value={f.priceMin} onChange={set("priceMin")} autoComplete="off" disabled={off("catalog.price-range")} />
              <TextField label={`Max cost (${props.costCurrency})`} name="priceMax" value={f.priceMax} onChange={set("priceMax")} autoComplete="off" disabled={off("catalog.price-range")} />
            </FormLayout.Group>
            <FormLayout.Group>
              <Select label="Sort" name="sort" options={SORTS} value={f.sort} onChange={set("sort")} disabled={off("catalog.sort")} />
              <Checkbox label="In stock only" name="inStock" checked={f.inStock} onChange={set("inStock")} disabled={off("catalog.in-stock-only")} />
            </FormLayout.Group>
          </FormLayout>
          {f.inStock ? <input type="hidden" name="inStock" value="on" /> : null}
          <Button submit variant="primary">Search</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}

/**
 * The keyword field keeps its own state, so a keystroke re-renders this field only, not every filter (the category
 * list can be long): typing is the catalog's most frequent interaction (INP, Built for Shopify, #17).
 */
function SearchField({ initial, disabled, supplier }: { initial: string; disabled: boolean; supplier: string }) {
  const [q, setQ] = useState(initial);
  return (
    <TextField label="Search (English or 中文)" name="q" value={q} onChange={setQ} autoComplete="off" disabled={disabled}
      helpText={disabled ? (supplier === "jd"
        ? "JD has a search call, but its answer is not in JD's public contract, so Silkroute browses your JD product pools instead."
        : "This supplier has no keyword search; browse by category.") : undefined} />
  );
}

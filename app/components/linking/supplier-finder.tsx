import { Form, Link } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { FulfilViaChoice } from "./fulfil-via-choice";

interface Money { amount: number; currency: string }
export interface FinderData {
  variantGid: string; supplier: string; keyword: string; price: string | null; error: string | null;
  results: Array<{ supplierProductId: string; title: { en: string }; costFrom: Money; warehouses: readonly string[] }> | null;
  offer: { productId: string; title: string; warehouses: string[]; supplier: string;
    variants: Array<{ supplierVariantId: string; sku: string; options: string; cost: Money; costInShopCurrency: Money | null; marginBps: number | null; stock: Record<string, number> }> } | null;
}

const money = (m: Money | null) => (m ? `${(m.amount / 100).toFixed(2)} ${m.currency}` : "–");
const query = (f: FinderData, extra: Record<string, string>) =>
  `?${new URLSearchParams({ link: f.variantGid, supplier: f.supplier, kw: f.keyword, ...(f.price ? { price: f.price } : {}), ...extra })}`;

/** The supplier search under one variant row: pick a connected supplier, search, open a product, link a variant. */
export function SupplierFinder({ finder, suppliers, busy }: { finder: FinderData; suppliers: string[]; busy: boolean }) {
  const [supplier, setSupplier] = useState(finder.supplier);
  const [keyword, setKeyword] = useState(finder.keyword);
  const [via, setVia] = useState("silkroute_location");
  return (
    <Card background="bg-surface-secondary">
      <BlockStack gap="300">
        <Form method="get">
          <input type="hidden" name="link" value={finder.variantGid} />
          {finder.price ? <input type="hidden" name="price" value={finder.price} /> : null}
          <InlineStack gap="200" blockAlign="end">
            <Select label="Supplier" name="supplier" options={suppliers.map((s) => ({ label: s, value: s }))} value={supplier} onChange={setSupplier} />
            <TextField label="Search the supplier's catalog" name="kw" value={keyword} onChange={setKeyword} autoComplete="off" />
            <Button submit loading={busy}>Search supplier</Button>
            <Link to="?">Close</Link>
          </InlineStack>
        </Form>
        {finder.error ? <Banner tone="critical">{finder.error}</Banner> : null}
        {finder.results && !finder.offer ? (
          finder.results.length === 0 ? <Text as="p" tone="subdued">Nothing found; try other words.</Text> : (
            <BlockStack gap="100">
              {finder.results.map((r) => (
                <InlineStack key={r.supplierProductId} gap="200" blockAlign="center">
                  <Link to={query(finder, { offer: r.supplierProductId })}>{r.title.en}</Link>
                  <Text as="span" tone="subdued">{r.supplierProductId} · from {money(r.costFrom)} · ships from {r.warehouses.join(", ") || "–"}</Text>
                </InlineStack>
              ))}
            </BlockStack>
          )
        ) : null}
        {finder.offer ? (
          <BlockStack gap="200">
            <InlineStack gap="200"><Text as="h4" variant="headingSm">{finder.offer.title}</Text><Link to={query(finder, {})}>Back to results</Link></InlineStack>
            <FulfilViaChoice value={via} onChange={setVia} title="Orders for this product" />
            <DataTable
              columnContentTypes={["text", "text", "numeric", "text", "numeric", "text"]}
              headings={["Variant", "Supplier SKU", "Cost", "Stock per warehouse", "Margin at your price", ""]}
              rows={finder.offer.variants.map((v) => [
                v.options || "Default", v.sku, `${money(v.cost)}${v.costInShopCurrency && v.costInShopCurrency.currency !== v.cost.currency ? ` (≈ ${money(v.costInShopCurrency)})` : ""}`,
                Object.entries(v.stock).map(([w, q]) => `${w}: ${q}`).join(", ") || "unknown",
                v.marginBps === null ? "–" : `${(v.marginBps / 100).toFixed(1)} %`,
                <Form method="post" key={v.supplierVariantId}>
                  <input type="hidden" name="intent" value="link-offer" />
                  <input type="hidden" name="variantGid" value={finder.variantGid} />
                  <input type="hidden" name="supplier" value={finder.offer!.supplier} />
                  <input type="hidden" name="supplierProductId" value={finder.offer!.productId} />
                  <input type="hidden" name="supplierVariantId" value={v.supplierVariantId} />
                  <input type="hidden" name="fulfilVia" value={via} />
                  <Button submit size="slim" loading={busy} accessibilityLabel={`Link ${v.sku}`}>Link this</Button>
                </Form>,
              ])}
            />
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

import { Form, Link } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { FulfilViaChoice } from "./fulfil-via-choice";
import type { Formatter } from "../../i18n/format";
import { supplierName } from "../../i18n/partners";
import { useFormat, useT } from "../../i18n/react";

interface Money { amount: number; currency: string }
export interface FinderData {
  variantGid: string; supplier: string; keyword: string; price: string | null; error: string | null;
  results: Array<{ supplierProductId: string; title: { en: string }; costFrom: Money; warehouses: readonly string[] }> | null;
  offer: { productId: string; title: string; warehouses: string[]; supplier: string;
    variants: Array<{ supplierVariantId: string; sku: string; options: string; cost: Money; costInShopCurrency: Money | null; marginBps: number | null; stock: Record<string, number> }> } | null;
}

const money = (fmt: Formatter, m: Money | null) => (m ? fmt.money(m) : "–");
const query = (f: FinderData, extra: Record<string, string>) =>
  `?${new URLSearchParams({ link: f.variantGid, supplier: f.supplier, kw: f.keyword, ...(f.price ? { price: f.price } : {}), ...extra })}`;

/** The supplier search under one variant row: pick a connected supplier, search, open a product, link a variant. */
export function SupplierFinder({ finder, suppliers, busy }: { finder: FinderData; suppliers: string[]; busy: boolean }) {
  const t = useT("linking");
  const fmt = useFormat();
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
            <Select label={t("finder.supplier")} name="supplier" options={suppliers.map((s) => ({ label: supplierName(t, s), value: s }))} value={supplier} onChange={setSupplier} />
            <TextField label={t("finder.search")} name="kw" value={keyword} onChange={setKeyword} autoComplete="off" />
            <Button submit loading={busy}>{t("finder.submit")}</Button>
            <Link to="?">{t("finder.close")}</Link>
          </InlineStack>
        </Form>
        {finder.error ? <Banner tone="critical">{finder.error}</Banner> : null}
        {finder.results && !finder.offer ? (
          finder.results.length === 0 ? <Text as="p" tone="subdued">{t("finder.nothing")}</Text> : (
            <BlockStack gap="100">
              {finder.results.map((r) => (
                <InlineStack key={r.supplierProductId} gap="200" blockAlign="center">
                  <Link to={query(finder, { offer: r.supplierProductId })}>{r.title.en}</Link>
                  <Text as="span" tone="subdued">{t("finder.result", { id: r.supplierProductId, cost: money(fmt, r.costFrom), warehouses: r.warehouses.length ? fmt.list([...r.warehouses]) : "–" })}</Text>
                </InlineStack>
              ))}
            </BlockStack>
          )
        ) : null}
        {finder.offer ? (
          <BlockStack gap="200">
            <InlineStack gap="200"><Text as="h4" variant="headingSm">{finder.offer.title}</Text><Link to={query(finder, {})}>{t("finder.back")}</Link></InlineStack>
            <FulfilViaChoice value={via} onChange={setVia} title={t("fulfilVia.titleOne")} />
            <DataTable
              columnContentTypes={["text", "text", "numeric", "text", "numeric", "text"]}
              headings={[t("finder.columns.variant"), t("finder.columns.sku"), t("finder.columns.cost"), t("finder.columns.stock"), t("finder.columns.margin"), ""]}
              rows={finder.offer.variants.map((v) => [
                v.options || t("finder.default"), v.sku, `${money(fmt, v.cost)}${v.costInShopCurrency && v.costInShopCurrency.currency !== v.cost.currency ? ` (≈ ${money(fmt, v.costInShopCurrency)})` : ""}`,
                fmt.list(Object.entries(v.stock).map(([w, q]) => `${w}: ${fmt.number(q)}`)) || t("finder.unknown"),
                v.marginBps === null ? "–" : fmt.percent(v.marginBps / 10000, 1),
                <Form method="post" key={v.supplierVariantId}>
                  <input type="hidden" name="intent" value="link-offer" />
                  <input type="hidden" name="variantGid" value={finder.variantGid} />
                  <input type="hidden" name="supplier" value={finder.offer!.supplier} />
                  <input type="hidden" name="supplierProductId" value={finder.offer!.productId} />
                  <input type="hidden" name="supplierVariantId" value={v.supplierVariantId} />
                  <input type="hidden" name="fulfilVia" value={via} />
                  <Button submit size="slim" loading={busy} accessibilityLabel={t("finder.linkSku", { sku: v.sku })}>{t("finder.link")}</Button>
                </Form>,
              ])}
            />
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

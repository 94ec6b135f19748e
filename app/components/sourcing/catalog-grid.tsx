import { Form, Link } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineGrid, InlineStack, Text, Thumbnail } from "@shopify/polaris";
import type { Money } from "../../server/money";
import { useFormat, useT } from "../../i18n/react";
import { warehouseName } from "../../i18n/partners";

export interface CatalogItemView {
  id: string; title: string; titleZh: string | null; imageUrl: string | null; warehouses: string[]; inStock: boolean; costFrom: string; priceFrom: string;
  cost: Money; price: Money;
}

export function CatalogGrid({ items, supplier, busy }: { items: CatalogItemView[]; supplier: string; busy: boolean }) {
  const t = useT("catalog");
  const fmt = useFormat();
  if (items.length === 0) return <Card><Text as="p">{t("grid.empty")}</Text></Card>;
  // A Chinese-reading merchant sees the supplier's Chinese title first, with the English one beneath.
  const [primary, secondary] = fmt.locale === "zh-CN" ? (["titleZh", "title"] as const) : (["title", "titleZh"] as const);
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="300">
      {items.map((item) => (
        <Card key={item.id}>
          <BlockStack gap="200">
            <InlineStack gap="300" wrap={false}>
              <Thumbnail source={item.imageUrl ?? ""} alt={item[primary] || item[secondary] || ""} size="large" />
              <BlockStack gap="100">
                {/* Titles are the supplier's data, in the languages the supplier wrote them: translate="no". */}
                <Link to={`/app/catalog/${supplier}/${item.id}`}><span translate="no"><Text as="span" fontWeight="semibold">{item[primary] || item[secondary]}</Text></span></Link>
                {item[primary] && item[secondary] ? <span translate="no"><Text as="span" tone="subdued">{item[secondary]}</Text></span> : null}
                <Text as="span">{t("grid.costAndPrice", { cost: fmt.money(item.cost), price: fmt.money(item.price) })}</Text>
              </BlockStack>
            </InlineStack>
            <InlineStack gap="100">
              {item.warehouses.map((w) => <Badge key={w}>{warehouseName(t, w, w)}</Badge>)}
              {item.inStock ? null : <Badge tone="critical">{t("grid.outOfStock")}</Badge>}
            </InlineStack>
            <Form method="post">
              <input type="hidden" name="supplier" value={supplier} />
              <input type="hidden" name="productId" value={item.id} />
              <Button submit loading={busy}>{t("grid.add")}</Button>
            </Form>
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}

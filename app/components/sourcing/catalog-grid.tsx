import { Form, Link } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineGrid, InlineStack, Text, Thumbnail } from "@shopify/polaris";

export interface CatalogItemView {
  id: string; title: string; titleZh: string | null; imageUrl: string | null; warehouses: string[]; inStock: boolean; costFrom: string; priceFrom: string;
}

export function CatalogGrid({ items, supplier, busy }: { items: CatalogItemView[]; supplier: string; busy: boolean }) {
  if (items.length === 0) return <Card><Text as="p">No products match. Try fewer filters or another keyword.</Text></Card>;
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="300">
      {items.map((item) => (
        <Card key={item.id}>
          <BlockStack gap="200">
            <InlineStack gap="300" wrap={false}>
              <Thumbnail source={item.imageUrl ?? ""} alt={item.title} size="large" />
              <BlockStack gap="100">
                <Link to={`/app/catalog/${supplier}/${item.id}`}><Text as="span" fontWeight="semibold">{item.title || item.titleZh}</Text></Link>
                {item.titleZh && item.title ? <Text as="span" tone="subdued">{item.titleZh}</Text> : null}
                <Text as="span">Cost from {item.costFrom} · sells at {item.priceFrom}</Text>
              </BlockStack>
            </InlineStack>
            <InlineStack gap="100">
              {item.warehouses.map((w) => <Badge key={w}>{w}</Badge>)}
              {item.inStock ? null : <Badge tone="critical">Out of stock</Badge>}
            </InlineStack>
            <Form method="post">
              <input type="hidden" name="supplier" value={supplier} />
              <input type="hidden" name="productId" value={item.id} />
              <Button submit loading={busy}>Add to import list</Button>
            </Form>
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}

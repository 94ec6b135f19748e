import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Layout, Page, Text, Thumbnail } from "@shopify/polaris";
import { HsCodeWarning } from "../components/shipping/hs-code-warning";
import { MarginChart } from "../components/sourcing/margin-chart";
import { VariantTable } from "../components/sourcing/variant-table";
import { productDetail } from "../server/sourcing/catalog/product-detail.server";
import { addToImportList } from "../server/sourcing/import-list/import-list.server";
import { shopCountry } from "../server/sourcing/settings.server";
import { isSupplierCode } from "../server/sourcing/supplier-connections.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  if (!isSupplierCode(params.supplier)) throw new Response("Unknown supplier", { status: 404 });
  const country = await shopCountry(adminClientForSession(session)).catch(() => null);
  return json({ supplier: params.supplier, detail: await productDetail(session.shop, params.supplier, params.id!, country) });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  if (!isSupplierCode(params.supplier)) throw new Response("Unknown supplier", { status: 404 });
  const item = await addToImportList(session.shop, params.supplier, params.id!);
  return redirect(`/app/import-list/${item.id}`);
};

export default function CatalogProduct() {
  const { supplier, detail } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  if (!detail.ok) return <Page title="Product" backAction={{ url: "/app/catalog" }}><Banner tone="critical">{detail.error}</Banner></Page>;
  const { product, rate, variants } = detail;
  return (
    <Page title={product.title || product.titleZh || product.id} subtitle={product.title ? product.titleZh ?? undefined : "English title not written yet"} backAction={{ url: `/app/catalog?supplier=${supplier}` }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <InlineStack gap="200">{product.images.map((src) => <Thumbnail key={src} source={src} alt={product.title} size="large" />)}</InlineStack>
                <Text as="p">{product.description}</Text>
                <HsCodeWarning hsCode={product.hsCode} />
                <InlineStack gap="200">
                  <Badge>{`HS ${product.hsCode ?? "missing: add one before import"}`}</Badge>
                  <Badge>{`Origin ${product.originCountry ?? "?"}`}</Badge>
                  {product.warehouses.map((w) => <Badge key={w}>{w}</Badge>)}
                  {product.hazards.map((h) => <Badge key={h} tone="warning">{h}</Badge>)}
                </InlineStack>
                <Text as="p" tone="subdued">
                  Converted at 1 {rate.from} = {rate.rate.toFixed(4)} {rate.to} ({rate.overridden ? "your manual rate" : `${rate.source.toUpperCase()}, ${rate.effectiveDate}`}).
                  Shipping is an estimate from the sample rate cards to {detail.destination ?? "your country"}, not a quote.
                </Text>
                <Form method="post">
                  {detail.importItemId ? <Button url={`/app/import-list/${detail.importItemId}`}>Open in import list</Button>
                    : <Button submit variant="primary" loading={busy}>Add to import list</Button>}
                </Form>
              </BlockStack>
            </Card>
            <Card><VariantTable variants={variants} /></Card>
            <Card><MarginChart variants={variants} /></Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

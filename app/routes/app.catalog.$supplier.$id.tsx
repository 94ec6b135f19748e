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
import { useFormat, useT } from "../i18n/react";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  if (!isSupplierCode(params.supplier)) throw new Response("Unknown supplier", { status: 404 }); // i18n-ignore: a thrown 404 shows its status, not this body
  const country = await shopCountry(adminClientForSession(session)).catch(() => null);
  return json({ supplier: params.supplier, detail: await productDetail(session.shop, params.supplier, params.id!, country) });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  if (!isSupplierCode(params.supplier)) throw new Response("Unknown supplier", { status: 404 }); // i18n-ignore: a thrown 404 shows its status, not this body
  const item = await addToImportList(session.shop, params.supplier, params.id!);
  return redirect(`/app/import-list/${item.id}`);
};

export default function CatalogProduct() {
  const { supplier, detail } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const t = useT("product");
  const fmt = useFormat();
  if (!detail.ok) return <Page title={t("title")} backAction={{ url: "/app/catalog" }}><Banner tone="critical">{t(detail.error.key, detail.error.values)}</Banner></Page>;
  const { product, rate, variants } = detail;
  // Chinese-reading merchants see the supplier's Chinese title first; both are data, never translated.
  const [title, subtitle] = fmt.locale === "zh-CN" && product.titleZh ? [product.titleZh, product.title || undefined] : [product.title || product.titleZh || product.id, product.title ? product.titleZh ?? undefined : t("englishTitleMissing")];
  const rateValues = { from: rate.from, to: rate.to, rate: rate.rate.toFixed(4), source: rate.source.toUpperCase(), date: rate.effectiveDate };
  return (
    <Page title={title} subtitle={subtitle} backAction={{ url: `/app/catalog?supplier=${supplier}` }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <InlineStack gap="200">{product.images.map((src) => <Thumbnail key={src} source={src} alt={product.title} size="large" />)}</InlineStack>
                <span translate="no"><Text as="p">{product.description}</Text></span>
                <HsCodeWarning hsCode={product.hsCode} />
                <InlineStack gap="200">
                  <Badge>{product.hsCode ? t("hsCode", { code: product.hsCode }) : t("hsCodeMissing")}</Badge>
                  <Badge>{product.originCountry ? t("origin", { country: product.originCountry }) : t("originUnknown")}</Badge>
                  {product.warehouses.map((w) => <span key={w} translate="no"><Badge>{w}</Badge></span>)}
                  {product.hazards.map((h) => <Badge key={h} tone="warning">{t(`hazard.${h}`, { defaultValue: h })}</Badge>)}
                </InlineStack>
                <Text as="p" tone="subdued">
                  {t(rate.overridden ? "rateManual" : "rateSource", rateValues)}{" "}
                  {detail.destination ? t("shippingEstimate", { destination: fmt.country(detail.destination) }) : t("shippingEstimateYourCountry")}
                </Text>
                <Form method="post">
                  {detail.importItemId ? <Button url={`/app/import-list/${detail.importItemId}`}>{t("openInImportList")}</Button>
                    : <Button submit variant="primary" loading={busy}>{t("addToImportList")}</Button>}
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

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Divider, InlineStack, Page, Pagination, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { MappingRow } from "../components/sourcing/mapping-row";
import { ProductSyncBar } from "../components/sourcing/sync-freshness";
import { mappingsPageAction, mappingsPageData } from "../server/sourcing/mapping/mappings-page.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { authenticate } from "../shopify.server";
import { useT } from "../i18n/react";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  return json(await mappingsPageData(session.shop, adminClientForSession(session), params.get("q") ?? "", params.get("after")));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const result = await mappingsPageAction(session.shop, adminClientForSession(session), form);
  return json(result, { status: result.ok ? 200 : 422 });
};

export default function Mappings() {
  const { products, pageInfo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params, setParams] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const [ids, setIds] = useState("");
  const [q, setQ] = useState(params.get("q") ?? "");
  const t = useT("mappings");
  return (
    <Page title={t("title")} subtitle={t("subtitle")} secondaryActions={[{ content: t("syncLink"), url: "/app/sync" }]}>
      <BlockStack gap="400">
        {/* The outcome is the mapping service's English sentence (not yet a message key). */}
        {result ? <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner> : null}
        <Card>
          <Form method="post">
            <input type="hidden" name="intent" value="auto-match" />
            <input type="hidden" name="supplier" value="sandbox" />
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">{t("autoMatch.title")}</Text>
              <TextField label={t("autoMatch.ids")} name="supplierProductIds" value={ids} onChange={setIds} autoComplete="off" multiline={2}
                helpText={t("autoMatch.help")} />
              <InlineStack><Button submit variant="primary" loading={busy}>{t("autoMatch.submit")}</Button></InlineStack>
            </BlockStack>
          </Form>
        </Card>
        <Card>
          <Form method="get">
            <InlineStack gap="200" blockAlign="end">
              <TextField label={t("search.label")} name="q" value={q} onChange={setQ} autoComplete="off" />
              <Button submit>{t("search.submit")}</Button>
            </InlineStack>
          </Form>
        </Card>
        {products.map((p) => (
          <Card key={p.id}>
            <BlockStack gap="300">
              <span translate="no"><Text as="h3" variant="headingMd">{p.title}</Text></span>
              {p.variants.some((v) => v.mapping) ? <ProductSyncBar productGid={p.id} sync={p.sync} busy={busy} /> : null}
              {p.variants.map((v, i) => (
                <BlockStack key={v.id} gap="200">{i ? <Divider /> : null}<MappingRow variant={v} busy={busy} /></BlockStack>
              ))}
            </BlockStack>
          </Card>
        ))}
        <Pagination hasNext={pageInfo.hasNextPage} onNext={() => { const next = new URLSearchParams(params); next.set("after", pageInfo.endCursor ?? ""); setParams(next); }}
          hasPrevious={!!params.get("after")} onPrevious={() => { const next = new URLSearchParams(params); next.delete("after"); setParams(next); }} />
      </BlockStack>
    </Page>
  );
}

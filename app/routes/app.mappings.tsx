import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Divider, InlineStack, Page, Pagination, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { MappingRow } from "../components/sourcing/mapping-row";
import { AutoMatchCard } from "../components/linking/auto-match-card";
import { CsvLinkCard } from "../components/linking/csv-link-card";
import { MoveWhenCard } from "../components/linking/move-when-card";
import { SupplierFinder } from "../components/linking/supplier-finder";
import { LINKING_INTENTS, linkingPageAction, linkingPageData, type LinkingActionResult } from "../server/linking/linking-page.server";
import { LinkedCustomsForm } from "../components/linking/linked-customs-form";
import { saveLinkedCustomsData } from "../server/linking/linked-customs.server";
import { ProductSyncBar } from "../components/sourcing/sync-freshness";
import { mappingsPageAction, mappingsPageData } from "../server/sourcing/mapping/mappings-page.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { authenticate } from "../shopify.server";
import { useT } from "../i18n/react";
import { translateMessage } from "../i18n/message-values";
import type { Message } from "../i18n/message";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const page = await mappingsPageData(session.shop, adminClientForSession(session), params.get("q") ?? "", params.get("after"));
  return json({ ...page, linking: await linkingPageData(session.shop, params) });
};

/** The customs form's answer carries a catalog message (`detail`); the linking actions' answers are English so far. */
type CustomsActionResult = LinkingActionResult & { productGid?: string; field?: string; detail?: Message };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const data = await request.formData();
  const admin = adminClientForSession(session);
  if (data.get("intent") === "customs-data") {
    const text = (k: string) => String(data.get(k) ?? "");
    const saved = await saveLinkedCustomsData(session.shop, text("productGid"), { hsCode: text("hsCode"), originCountry: text("originCountry"), gpsrResponsiblePerson: text("gpsrResponsiblePerson") });
    return json({ ...saved, productGid: text("productGid") } as CustomsActionResult, { status: saved.ok ? 200 : 422 });
  }
  const result: LinkingActionResult = LINKING_INTENTS.has(String(data.get("intent")))
    ? await linkingPageAction(session.shop, admin, data)
    : await mappingsPageAction(session.shop, admin, Object.fromEntries([...data].map(([k, v]) => [k, String(v)])));
  return json(result, { status: result.ok ? 200 : 422 });
};

export default function Mappings() {
  const { products, pageInfo, linking } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as CustomsActionResult | undefined;
  const [params, setParams] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const [q, setQ] = useState(params.get("q") ?? "");
  const t = useT("mappings");
  return (
    <Page title={t("title")} subtitle={t("subtitle")} secondaryActions={[{ content: t("syncLink"), url: "/app/sync" }]}>
      <BlockStack gap="400">
        {/* The outcome is the mapping service's English sentence (not yet a message key). */}
        {result ? <Banner tone={result.ok ? "success" : "critical"}>{result.detail ? translateMessage(t, result.detail) : result.message}</Banner> : null}
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
                <BlockStack key={v.id} gap="200">{i ? <Divider /> : null}
                  <MappingRow variant={v} busy={busy} suppliers={linking.suppliers}
                    findHref={`?${new URLSearchParams({ link: v.id, supplier: linking.suppliers[0] ?? "sandbox", kw: p.title, price: v.price })}`} />
                  {linking.finder?.variantGid === v.id ? <SupplierFinder finder={linking.finder} suppliers={linking.suppliers} busy={busy} /> : null}
                </BlockStack>
              ))}
              {p.customs ? <LinkedCustomsForm key={JSON.stringify(p.customs)} productGid={p.id} initial={p.customs} busy={busy}
                error={result && !result.ok && result.productGid === p.id ? { field: result.field ?? "hsCode", message: result.detail ? translateMessage(t, result.detail) : result.message } : null} /> : null}
            </BlockStack>
          </Card>
        ))}
        <Pagination hasNext={pageInfo.hasNextPage} onNext={() => { const next = new URLSearchParams(params); next.set("after", pageInfo.endCursor ?? ""); setParams(next); }}
          hasPrevious={!!params.get("after")} onPrevious={() => { const next = new URLSearchParams(params); next.delete("after"); setParams(next); }} />
        <AutoMatchCard key={result?.proposals ? JSON.stringify(result.proposals.map((p) => p.variantGid + p.supplier)) : "none"} proposals={result?.proposals ?? null} suppliers={linking.suppliers} busy={busy} />
        <CsvLinkCard errors={result?.csvErrors ?? null} errorReport={result?.errorReport ?? null} busy={busy} />
        <MoveWhenCard moveWhen={linking.moveWhen} busy={busy} />
      </BlockStack>
    </Page>
  );
}

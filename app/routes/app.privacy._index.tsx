import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Card, EmptyState, IndexTable, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { listDataRequests, markDataRequestSent } from "../server/compliance/data-requests.server";
import { ANSWER_WITHIN_DAYS } from "../server/compliance/requests.server";
import { DataRequestRow } from "../components/privacy/data-request-row";
import { useT } from "../i18n/react";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json({ requests: await listDataRequests(session.shop), days: ANSWER_WITHIN_DAYS });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  if (form.get("intent") !== "mark-sent") return json({ outcome: "unknown-intent" as const }, { status: 400 });
  const marked = await markDataRequestSent(session.shop, String(form.get("id") ?? ""));
  return json({ outcome: marked ? ("sent" as const) : ("not-found" as const) }, { status: marked ? 200 : 404 });
};

export default function CustomerDataRequests() {
  const { requests, days } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT("privacy");
  return (
    <Page title={t("title")} backAction={{ url: "/app" }}>
      <BlockStack gap="400">
        {result?.outcome === "sent" && <Banner tone="success">{t("markedSent")}</Banner>}
        {result && result.outcome !== "sent" && <Banner tone="warning">{t("noExport")}</Banner>}
        <Text as="p" tone="subdued">{t("intro", { days })}</Text>
        <Card padding="0">
          {requests.length === 0 ? (
            <EmptyState heading={t("empty.heading")} image="">
              <Text as="p">{t("empty.body")}</Text>
            </EmptyState>
          ) : (
            <IndexTable
              resourceName={{ singular: t("resource.singular"), plural: t("resource.plural") }}
              itemCount={requests.length}
              selectable={false}
              headings={[{ title: t("columns.received") }, { title: t("columns.answerBy") }, { title: t("columns.customer") }, { title: t("columns.orders") }, { title: t("columns.status") }, { title: t("columns.export") }]}
            >
              {requests.map((row, index) => <DataRequestRow key={row.id} row={row} position={index} busy={busy} />)}
            </IndexTable>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}

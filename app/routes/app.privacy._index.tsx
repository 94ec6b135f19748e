import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Card, EmptyState, IndexTable, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { listDataRequests, markDataRequestSent } from "../server/compliance/data-requests.server";
import { ANSWER_WITHIN_DAYS } from "../server/compliance/requests.server";
import { DataRequestRow } from "../components/privacy/data-request-row";

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
  return (
    <Page title="Customer data requests" backAction={{ url: "/app" }}>
      <BlockStack gap="400">
        {result?.outcome === "sent" && <Banner tone="success">Marked as sent to the customer.</Banner>}
        {result && result.outcome !== "sent" && <Banner tone="warning">That request has no export to send.</Banner>}
        <Text as="p" tone="subdued">
          When a customer asks your store for their data, Shopify tells Silkroute and we prepare everything we hold on them.
          Download it and send it to the customer within {days} days of the request. A later erasure request for the same
          customer deletes the export too.
        </Text>
        <Card padding="0">
          {requests.length === 0 ? (
            <EmptyState heading="No customer data requests" image="">
              <Text as="p">Requests Shopify forwards to Silkroute appear here with their export and the date to answer by.</Text>
            </EmptyState>
          ) : (
            <IndexTable
              resourceName={{ singular: "data request", plural: "data requests" }}
              itemCount={requests.length}
              selectable={false}
              headings={[{ title: "Received" }, { title: "Answer by" }, { title: "Customer" }, { title: "Orders" }, { title: "Status" }, { title: "Export" }]}
            >
              {requests.map((row, index) => <DataRequestRow key={row.id} row={row} position={index} busy={busy} />)}
            </IndexTable>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, Checkbox, DataTable, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { SyncProgress } from "../components/sourcing/sync-progress";
import { jobQueue } from "../server/jobs/queue.server";
import { syncPageAction, syncPageData } from "../server/sourcing/sync/sync-page.server";
import { authenticate } from "../shopify.server";
import { useT } from "../i18n/react";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await syncPageData(session.shop));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const result = await syncPageAction(session.shop, form, jobQueue());
  return json(result, { status: result.ok ? 200 : 422 });
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");
const FIELD: Record<string, string> = { price: "Price", compare_at: "Compare-at", stock: "Stock", status: "Status", inventory_policy: "When out of stock" };

export default function SyncPage() {
  const t = useT("common"); // alert texts are catalog messages (sync/alert-text.ts)
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const p = data.settings.policy;
  const [interval, setInterval] = useState(String(data.settings.intervalMinutes));
  const [outOfStock, setOutOfStock] = useState<string>(p.outOfStock);
  const [draft, setDraft] = useState(p.draftDiscontinued);
  const [bufferUnits, setBufferUnits] = useState(String(p.bufferUnits));
  const [bufferPercent, setBufferPercent] = useState(String(p.bufferPercent));
  const [floor, setFloor] = useState(p.marginFloorPercent === null ? "" : String(p.marginFloorPercent));
  const [marginAction, setMarginAction] = useState<string>(p.marginAction);
  const [approval, setApproval] = useState(p.approvalPercent === null ? "" : String(p.approvalPercent));
  return (
    <Page title="Price and stock sync" subtitle={`Last scheduled run: ${when(data.settings.lastScheduledSyncAt)}`} backAction={{ url: "/app/mappings" }}>
      <BlockStack gap="400">
        {result ? <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner> : null}
        <SyncProgress running={data.running} />
        <Layout>
          <Layout.Section>
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="save-sync-settings" />
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">Schedule and policies</Text>
                  <TextField label="Sync every (minutes)" name="intervalMinutes" type="number" value={interval} onChange={setInterval} autoComplete="off"
                    helpText={`From ${data.bounds.min} minutes to once a day (${data.bounds.max}). Supplier events are applied within a minute regardless.`} />
                  <Select label="When the supplier is out of stock" name="outOfStock" value={outOfStock} onChange={setOutOfStock}
                    options={[{ label: "Set stock to 0", value: "set_zero" }, { label: "Keep selling (continue selling when out of stock)", value: "keep_selling" }, { label: "Unpublish (draft the product while every variant is out)", value: "unpublish" }]} />
                  <Checkbox label="Set a product to draft when the supplier discontinues it" name="draftDiscontinued" checked={draft} onChange={setDraft} />
                  <input type="hidden" name="draftDiscontinued" value={draft ? "true" : "false"} />
                  <InlineStack gap="300">
                    <TextField label="Stock buffer (units)" name="bufferUnits" type="number" value={bufferUnits} onChange={setBufferUnits} autoComplete="off" />
                    <TextField label="Stock buffer (%)" name="bufferPercent" type="number" value={bufferPercent} onChange={setBufferPercent} autoComplete="off" helpText="Whichever removes more." />
                  </InlineStack>
                  <InlineStack gap="300">
                    <TextField label="Margin floor (%)" name="marginFloorPercent" type="number" value={floor} onChange={setFloor} autoComplete="off" helpText="Empty: no floor." />
                    <Select label="When a cost rise breaks the floor" name="marginAction" value={marginAction} onChange={setMarginAction}
                      options={[{ label: "Keep the price and alert me", value: "keep_and_alert" }, { label: "Raise the price", value: "raise" }]} />
                  </InlineStack>
                  <TextField label="Ask me before price changes larger than (%)" name="approvalPercent" type="number" value={approval} onChange={setApproval} autoComplete="off" helpText="Empty: never ask." />
                  <InlineStack><Button submit variant="primary" loading={busy}>Save</Button></InlineStack>
                </BlockStack>
              </Form>
            </Card>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <Card>
                <Form method="post">
                  <input type="hidden" name="intent" value="sync-now" />
                  <BlockStack gap="200">
                    <Text as="h2" variant="headingMd">Sync now</Text>
                    <Text as="p" tone="subdued">Reads every mapped SKU at its supplier and writes only what changed.</Text>
                    <InlineStack><Button submit loading={busy}>Sync all products now</Button></InlineStack>
                  </BlockStack>
                </Form>
              </Card>
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">{`Alerts (${data.alerts.total})`}</Text>
                  {data.alerts.rows.length === 0 ? <Text as="p" tone="subdued">Nothing needs your attention.</Text> : null}
                  {data.alerts.rows.map((a) => (
                    <InlineStack key={a.id} gap="200" blockAlign="center"><Badge tone={a.kind === "supplier_error" || a.kind === "margin_breach" ? "critical" : "attention"}>{a.kind.replace("_", " ")}</Badge><Text as="span">{t(a.message.key, a.message.values)}</Text></InlineStack>
                  ))}
                </BlockStack>
              </Card>
            </BlockStack>
          </Layout.Section>
        </Layout>
        {data.approvals.length ? (
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">Price changes waiting for your approval</Text>
              {data.approvals.filter((c) => c.field === "price").map((c) => (
                <InlineStack key={c.id} gap="200" blockAlign="center">
                  <Text as="span">{`${c.variantGid.split("/").pop()}: ${c.from ?? "–"} → ${c.to}`}</Text>
                  <Form method="post"><input type="hidden" name="intent" value="approve" /><input type="hidden" name="changeId" value={c.id} /><Button submit size="slim">Approve</Button></Form>
                  <Form method="post"><input type="hidden" name="intent" value="reject" /><input type="hidden" name="changeId" value={c.id} /><Button submit size="slim" tone="critical">Keep the old price</Button></Form>
                </InlineStack>
              ))}
            </BlockStack>
          </Card>
        ) : null}
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">Sync history</Text>
            <DataTable columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "numeric", "text"]}
              headings={["Started", "Trigger", "SKUs read", "Changes written", "Supplier unknown", "Admin API calls", "Result"]}
              rows={data.runs.map((r) => [when(r.startedAt), r.trigger, r.checked, r.changed, r.unknown, r.calls, r.status === "failed" ? `failed: ${r.error ?? ""}` : r.status])} />
            <DataTable columnContentTypes={["text", "text", "text", "text", "text", "text"]}
              headings={["When", "Variant", "Field", "From → to", "Why", "Result"]}
              rows={data.changes.map((c) => [when(c.at), c.variantGid.split("/").pop() ?? "", FIELD[c.field] ?? c.field, `${c.from ?? "–"} → ${c.to || "–"}`, c.reason, c.status === "observed" ? "seen in Shopify" : c.status])} />
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}

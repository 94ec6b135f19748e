import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, Checkbox, DataTable, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { SyncProgress } from "../components/sourcing/sync-progress";
import { jobQueue } from "../server/jobs/queue.server";
import { syncPageAction, syncPageData } from "../server/sourcing/sync/sync-page.server";
import { authenticate } from "../shopify.server";
import { useFormat, useT } from "../i18n/react";

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


export default function SyncPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT("sync");
  const fmt = useFormat();
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : t("never"));
  const trigger = (value: string) => t(`trigger.${value}`, { defaultValue: value });
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
    <Page title={t("title")} subtitle={t("lastScheduled", { when: when(data.settings.lastScheduledSyncAt) })} backAction={{ url: "/app/mappings" }}>
      <BlockStack gap="400">
        {/* The outcome is the sync service's English sentence, shared with the mappings page (not yet a message key). */}
        {result ? <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner> : null}
        <SyncProgress running={data.running} />
        <Layout>
          <Layout.Section>
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="save-sync-settings" />
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">{t("settings.title")}</Text>
                  <TextField label={t("settings.interval")} name="intervalMinutes" type="number" value={interval} onChange={setInterval} autoComplete="off"
                    helpText={t("settings.intervalHelp", { min: fmt.number(data.bounds.min), max: fmt.number(data.bounds.max) })} />
                  <Select label={t("settings.outOfStock")} name="outOfStock" value={outOfStock} onChange={setOutOfStock}
                    options={data.outOfStockActions.map((value) => ({ label: t(`settings.outOfStockOption.${value}`), value }))} />
                  <Checkbox label={t("settings.draftDiscontinued")} name="draftDiscontinued" checked={draft} onChange={setDraft} />
                  <input type="hidden" name="draftDiscontinued" value={draft ? "true" : "false"} />
                  <InlineStack gap="300">
                    <TextField label={t("settings.bufferUnits")} name="bufferUnits" type="number" value={bufferUnits} onChange={setBufferUnits} autoComplete="off" />
                    <TextField label={t("settings.bufferPercent")} name="bufferPercent" type="number" value={bufferPercent} onChange={setBufferPercent} autoComplete="off" helpText={t("settings.bufferHelp")} />
                  </InlineStack>
                  <InlineStack gap="300">
                    <TextField label={t("settings.marginFloor")} name="marginFloorPercent" type="number" value={floor} onChange={setFloor} autoComplete="off" helpText={t("settings.marginFloorHelp")} />
                    <Select label={t("settings.marginAction")} name="marginAction" value={marginAction} onChange={setMarginAction}
                      options={data.marginActions.map((value) => ({ label: t(`settings.marginActionOption.${value}`), value }))} />
                  </InlineStack>
                  <TextField label={t("settings.approval")} name="approvalPercent" type="number" value={approval} onChange={setApproval} autoComplete="off" helpText={t("settings.approvalHelp")} />
                  <InlineStack><Button submit variant="primary" loading={busy}>{t("settings.save")}</Button></InlineStack>
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
                    <Text as="h2" variant="headingMd">{t("syncNow.title")}</Text>
                    <Text as="p" tone="subdued">{t("syncNow.body")}</Text>
                    <InlineStack><Button submit loading={busy}>{t("syncNow.action")}</Button></InlineStack>
                  </BlockStack>
                </Form>
              </Card>
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">{t("alerts.title", { total: fmt.number(data.alerts.total) })}</Text>
                  {data.alerts.rows.length === 0 ? <Text as="p" tone="subdued">{t("alerts.none")}</Text> : null}
                  {data.alerts.rows.map((a) => (
                    <InlineStack key={a.id} gap="200" blockAlign="center"><Badge tone={a.kind === "supplier_error" || a.kind === "margin_breach" ? "critical" : "attention"}>{t(`home:syncAlerts.kind.${a.kind}`, { defaultValue: a.kind })}</Badge><Text as="span">{t(a.message.key, a.message.values)}</Text></InlineStack>
                  ))}
                </BlockStack>
              </Card>
            </BlockStack>
          </Layout.Section>
        </Layout>
        {data.approvals.length ? (
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">{t("approvals.title")}</Text>
              {data.approvals.filter((c) => c.field === "price").map((c) => (
                <InlineStack key={c.id} gap="200" blockAlign="center">
                  <Text as="span">{`${c.variantGid.split("/").pop()}: ${c.from ?? "–"} → ${c.to}`}</Text>
                  <Form method="post"><input type="hidden" name="intent" value="approve" /><input type="hidden" name="changeId" value={c.id} /><Button submit size="slim">{t("approvals.approve")}</Button></Form>
                  <Form method="post"><input type="hidden" name="intent" value="reject" /><input type="hidden" name="changeId" value={c.id} /><Button submit size="slim" tone="critical">{t("approvals.reject")}</Button></Form>
                </InlineStack>
              ))}
            </BlockStack>
          </Card>
        ) : null}
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">{t("history.title")}</Text>
            <DataTable columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "numeric", "text"]}
              headings={(["started", "trigger", "checked", "changed", "unknown", "calls", "result"] as const).map((k) => t(`history.runs.${k}`))}
              rows={data.runs.map((r) => [when(r.startedAt), trigger(r.trigger), fmt.number(r.checked), fmt.number(r.changed), fmt.number(r.unknown), fmt.number(r.calls),
                r.status === "failed" ? t("runStatus.failedWith", { error: r.error ?? "" }) : t(`runStatus.${r.status}`, { defaultValue: r.status })])} />
            <DataTable columnContentTypes={["text", "text", "text", "text", "text", "text"]}
              headings={(["when", "variant", "field", "fromTo", "why", "result"] as const).map((k) => t(`history.changes.${k}`))}
              // The reason is the sync engine's stored sentence (English; docs/adr/1900-i18n.md).
              rows={data.changes.map((c) => [when(c.at), c.variantGid.split("/").pop() ?? "", t(`field.${c.field}`, { defaultValue: c.field }), `${c.from ?? "–"} → ${c.to || "–"}`, c.reason, t(`changeStatus.${c.status}`, { defaultValue: c.status })])} />
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Layout, Link, List, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { supplierOrderDetail } from "../server/fulfillment/orders-view.server";
import { approveSupplierOrder, cancelSupplierOrderByMerchant, checkTrackingNow, handBackToShopify, retrySupplierOrder } from "../server/fulfillment/order-actions.server";
import { orderText, storedText } from "../server/fulfillment/order-text";
import { StateBadge } from "../components/orders/state-badge";
import { CustomsFixLinks } from "../components/orders/customs-fix-links";
import { OrderMessages } from "../components/orders/order-messages";
import { ForwarderTrackingForm } from "../components/consolidation/forwarder-tracking-form";
import { recordForwarderParcel } from "../server/consolidation/forwarder-tracking.server";
import { handlerForIntent } from "../server/http/intent";
import { useFormat, useT } from "../i18n/react";
import { carrierName, supplierName, warehouseName } from "../i18n/partners";
import { translateMessage } from "../i18n/message-values";
import type { Message } from "../i18n/message";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const detail = await supplierOrderDetail(session.shop, params.id ?? "");
  if (!detail) throw new Response("Not found", { status: 404 }); // i18n-ignore: the error boundary's status, not page text
  return json(detail);
};

const ACTIONS = { approve: approveSupplierOrder, retry: retrySupplierOrder, cancel: cancelSupplierOrderByMerchant, "check-tracking": checkTrackingNow, "hand-back": handBackToShopify } as const;
// States whose tracking the supplier can still update (the TRACKED states of the fulfillment state machine).
const TRACKABLE = new Set(["placed", "shipped", "exception"]);

// Replies are catalog messages (order-text.ts), shown in the merchant's language; a supplier's own words ride along as values.
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const intent = String(form.get("intent"));
  if (intent === "forwarder-tracking") {
    const r = await recordForwarderParcel(session.shop, { supplierOrderId: params.id ?? "", trackingNumber: String(form.get("trackingNumber") ?? ""), carrier: String(form.get("carrier") ?? "") });
    const message = r.ok ? storedText(r.created ? "order:action.forwarderSaved" : "order:action.forwarderKnown")
      : r.detail ? storedText(r.detail.key, r.detail.values) : storedText("order:action.detail", { detail: r.message });
    return json({ ok: r.ok, messages: orderText(message) });
  }
  const run = handlerForIntent(ACTIONS, intent);
  if (!run) return json({ ok: false, messages: orderText(storedText("order:action.unknown")) }, { status: 400 });
  const result = await run(session.shop, params.id ?? "");
  return json({ ok: result.ok, messages: orderText(result.message) });
};

export default function SupplierOrderPage() {
  const { order, hold, timeline, actions, replacedBy, customsFixLinks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT("order");
  const format = useFormat();
  const [reasonTitle, ...reasonDetails] = order.reason;
  const holdReason = hold?.reason ? t(`orders:hold.${hold.reason}`, { defaultValue: hold.reason }) : t("orders:hold.none");
  return (
    <Page
      title={t("title", { order: order.orderName, supplier: supplierName(t, order.supplier), warehouse: warehouseName(t, order.warehouse, order.warehouse) })}
      backAction={{ url: "/app/orders", content: t("orders:title") }}
      titleMetadata={<StateBadge state={order.state} />}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result && <Banner tone={result.ok ? "success" : "critical"}><OrderMessages messages={result.messages} /></Banner>}
            {hold && (
              <Banner tone="info" title={t("orders:onHold")}>
                <Text as="p">{hold.notes ? t("orders:hold.withNotes", { reason: holdReason, notes: hold.notes }) : holdReason}</Text>
              </Banner>
            )}
            {replacedBy && (
              <Banner tone="info" title={t("replacedBy.title", { supplier: supplierName(t, replacedBy.supplier) })}>
                <Link url={`/app/orders/${replacedBy.id}`}>{t("replacedBy.open")}</Link>{" "}
                {t("replacedBy.state", { state: t(`orders:state.${replacedBy.state}`, { defaultValue: replacedBy.state }) })}
              </Banner>
            )}
            {reasonTitle && (
              <Banner tone="warning" title={translateMessage(t, reasonTitle)}>
                <BlockStack gap="200">
                  {reasonDetails.length > 0 && <List>{reasonDetails.map((m, i) => <List.Item key={i}>{translateMessage(t, m)}</List.Item>)}</List>}
                  {order.fix.length > 0 && <OrderMessages messages={order.fix} />}
                  <CustomsFixLinks links={customsFixLinks} />
                </BlockStack>
              </Banner>
            )}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">{t("timeline")}</Text>
                {timeline.map((e) => (
                  <InlineStack key={e.id} gap="300" wrap={false}>
                    <Text as="span" tone="subdued">{format.dateTime(e.at)}</Text>
                    <Text as="span" fontWeight={e.kind === "state" ? "semibold" : "regular"}>{e.messages.map((m) => translateMessage(t, m)).join(t("sentenceSeparator"))}</Text>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="p">{order.supplierOrderId ? t("details.supplierOrder", { id: order.supplierOrderId }) : t("details.notPlaced")}</Text>
              <Text as="p">{t("details.reference", { key: order.idempotencyKey })}</Text>
              {order.jdSplit && <Text as="p">{jdSplitLine(t, order.jdSplit)}</Text>}
              {order.logistic && <Text as="p">{t(`details.methodSent.${order.logistic.basis ?? "adapter"}`, { method: order.logistic.name })}</Text>}
              {order.buyerServiceName && (
                <Text as="p" tone="subdued">
                  {order.buyerServiceCode ? t("details.buyerChoseWithCode", { name: order.buyerServiceName, code: order.buyerServiceCode }) : t("details.buyerChose", { name: order.buyerServiceName })}
                </Text>
              )}
              {order.trackingNumbers.length > 0 && <Text as="p">{t("details.tracking", { carrier: order.carrier ? carrierName(t, order.carrier) : "", numbers: order.trackingNumbers.join(", ") })}</Text>}
              {order.lines.map((l) => <span key={l.supplierVariantId} translate="no"><Text as="p">{t("details.line", { quantity: l.quantity, sku: l.sku ?? l.supplierVariantId })}</Text></span>)}
              <InlineStack gap="200">
                {actions.approve && <ActionButton intent="approve" label={t("actions.approve")} primary />}
                {actions.retry && <ActionButton intent="retry" label={t("actions.retry")} />}
                {TRACKABLE.has(order.state) && <ActionButton intent="check-tracking" label={t("actions.checkTracking")} />}
                {actions.cancel && <ActionButton intent="cancel" label={t("actions.cancel")} critical />}
              </InlineStack>
              {order.supplier === "jd" && TRACKABLE.has(order.state) && <ForwarderTrackingForm />}
              {actions.handBack && (
                <BlockStack gap="100">
                  <ActionButton intent="hand-back" label={t("actions.handBack")} />
                  <Text as="p" tone="subdued" variant="bodySm">{t("actions.handBackHelp")}</Text>
                </BlockStack>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** JD's split on one line: the summary, then each child order and its status ("… into 2: 123 shipped, 456 processing"). */
function jdSplitLine(t: ReturnType<typeof useT>, [summary, ...children]: Message[]): string {
  if (!summary) return "";
  return t("jdSplitLine", { summary: translateMessage(t, summary), children: children.map((c) => translateMessage(t, c)).join(t("listSeparator")) }).trim();
}

function ActionButton({ intent, label, primary, critical }: { intent: string; label: string; primary?: boolean; critical?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button submit variant={primary ? "primary" : undefined} tone={critical ? "critical" : undefined}>{label}</Button>
    </Form>
  );
}

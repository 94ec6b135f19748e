import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Layout, Link, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { supplierOrderDetail } from "../server/fulfillment/orders-view.server";
import { approveSupplierOrder, cancelSupplierOrderByMerchant, checkTrackingNow, handBackToShopify, retrySupplierOrder } from "../server/fulfillment/order-actions.server";
import { StateBadge } from "../components/orders/state-badge";
import { CustomsFixLinks } from "../components/orders/customs-fix-links";
import { ForwarderTrackingForm } from "../components/consolidation/forwarder-tracking-form";
import { recordForwarderParcel } from "../server/consolidation/forwarder-tracking.server";
import { handlerForIntent } from "../server/http/intent";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const detail = await supplierOrderDetail(session.shop, params.id ?? "");
  if (!detail) throw new Response("Not found", { status: 404 });
  return json(detail);
};

const ACTIONS = { approve: approveSupplierOrder, retry: retrySupplierOrder, cancel: cancelSupplierOrderByMerchant, "check-tracking": checkTrackingNow, "hand-back": handBackToShopify } as const;
// States whose tracking the supplier can still update (the TRACKED states of the fulfillment state machine).
const TRACKABLE = new Set(["placed", "shipped", "exception"]);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const intent = String(form.get("intent"));
  if (intent === "forwarder-tracking") {
    const r = await recordForwarderParcel(session.shop, { supplierOrderId: params.id ?? "", trackingNumber: String(form.get("trackingNumber") ?? ""), carrier: String(form.get("carrier") ?? "") });
    return json(r.ok ? { ok: true, message: r.created ? "Forwarder tracking saved; the customer's tracking starts from it." : "That number was already saved." } : { ok: false, message: r.message });
  }
  const run = handlerForIntent(ACTIONS, intent);
  if (!run) return json({ ok: false, message: "Unknown action" }, { status: 400 });
  return json(await run(session.shop, params.id ?? ""));
};

export default function SupplierOrderPage() {
  const { order, hold, timeline, actions, replacedBy, customsFixLinks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <Page title={`${order.orderName} · ${order.supplier} ${order.warehouse}`} backAction={{ url: "/app/orders" }} titleMetadata={<StateBadge state={order.state} />}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result && <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner>}
            {hold && <Banner tone="info" title="On hold in Shopify"><Text as="p">{hold}</Text></Banner>}
            {replacedBy && (
              <Banner tone="info" title={`Switched to the backup supplier ${replacedBy.supplier}`}>
                <Link url={`/app/orders/${replacedBy.id}`}>Open the backup supplier order</Link> ({replacedBy.state.replace("_", " ")})
              </Banner>
            )}
            {order.reasonMessage && (
              <Banner tone="warning" title={order.reasonMessage}>
                {order.fixHint && <Text as="p">{order.fixHint}</Text>}
                <CustomsFixLinks links={customsFixLinks} />
              </Banner>
            )}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Timeline</Text>
                {timeline.map((e) => (
                  <InlineStack key={e.id} gap="300" wrap={false}>
                    <Text as="span" tone="subdued">{new Date(e.at).toLocaleString()}</Text>
                    <Text as="span" fontWeight={e.kind === "state" ? "semibold" : "regular"}>{e.message}</Text>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="p">Supplier order: {order.supplierOrderId ?? "not placed yet"}</Text>
              <Text as="p">Our reference: {order.idempotencyKey}</Text>
              {order.supplier === "jd" && order.supplierStatus?.startsWith("JD split") && <Text as="p">{order.supplierStatus}</Text>}
              {order.logistic && <Text as="p">Shipping method sent: {order.logistic.name} ({order.logistic.basis})</Text>}
              {order.buyerServiceName && <Text as="p" tone="subdued">Buyer chose at checkout: {order.buyerServiceName}{order.buyerServiceCode ? ` (${order.buyerServiceCode})` : ""}</Text>}
              {order.trackingNumbers.length > 0 && <Text as="p">Tracking: {order.carrier} {order.trackingNumbers.join(", ")}</Text>}
              {order.lines.map((l) => <Text as="p" key={l.supplierVariantId}>{l.quantity} × {l.sku ?? l.supplierVariantId}</Text>)}
              <InlineStack gap="200">
                {actions.approve && <ActionButton intent="approve" label="Approve" primary />}
                {actions.retry && <ActionButton intent="retry" label="Retry" />}
                {TRACKABLE.has(order.state) && <ActionButton intent="check-tracking" label="Check tracking now" />}
                {actions.cancel && <ActionButton intent="cancel" label="Cancel at supplier" critical />}
              </InlineStack>
              {order.supplier === "jd" && TRACKABLE.has(order.state) && <ForwarderTrackingForm />}
              {actions.handBack && (
                <BlockStack gap="100">
                  <ActionButton intent="hand-back" label="Fulfill another way" />
                  <Text as="p" tone="subdued" variant="bodySm">Gives the request back to Shopify, so you can fulfill it from another location or by hand.</Text>
                </BlockStack>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function ActionButton({ intent, label, primary, critical }: { intent: string; label: string; primary?: boolean; critical?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button submit variant={primary ? "primary" : undefined} tone={critical ? "critical" : undefined}>{label}</Button>
    </Form>
  );
}

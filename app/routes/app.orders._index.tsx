import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, InlineStack, Page, Tabs, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { isTab, listSupplierOrders, TABS, type TabKey } from "../server/fulfillment/orders-view.server";
import { StateBadge } from "../components/orders/state-badge";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const requested = new URL(request.url).searchParams.get("tab");
  const tab: TabKey = isTab(requested) ? requested : "attention";
  // TABS lives in a .server module, which the browser bundle does not get: its labels travel in the loader data.
  const tabs = (Object.keys(TABS) as TabKey[]).map((key) => ({ key, label: TABS[key].label }));
  return json({ tab, tabs, ...(await listSupplierOrders(session.shop, tab)) });
};

export default function Orders() {
  const { tab, tabs: tabList, rows, counts } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const keys = tabList.map((t) => t.key);
  const tabs = tabList.map((t) => ({ id: t.key, content: `${t.label} (${counts[t.key]})` }));
  return (
    <Page title="Orders" secondaryActions={[{ content: "Autopilot settings", url: "/app/orders/settings" }]}>
      <Card padding="0">
        <Tabs tabs={tabs} selected={keys.indexOf(tab)} onSelect={(i) => navigate(`/app/orders?tab=${keys[i]}`)} />
        {rows.length === 0 ? (
          <EmptyState heading="Nothing here" image="">
            <Text as="p">Orders for supplier-mapped products appear here once Shopify sends them to a Silkroute warehouse.</Text>
          </EmptyState>
        ) : (
          <IndexTable itemCount={rows.length} selectable={false}
            headings={[{ title: "Order" }, { title: "Supplier" }, { title: "Status" }, { title: "Tracking" }, { title: "Why" }]}>
            {rows.map((r, i) => (
              <IndexTable.Row id={r.id} key={r.id} position={i}>
                <IndexTable.Cell><Link to={`/app/orders/${r.id}`}>{r.orderName}</Link></IndexTable.Cell>
                <IndexTable.Cell>{r.supplier} · {r.warehouse}</IndexTable.Cell>
                <IndexTable.Cell><StateBadge state={r.state} /></IndexTable.Cell>
                <IndexTable.Cell>{r.trackingNumbers.length ? `${r.carrier ?? ""} ${r.trackingNumbers.join(", ")}` : "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="200" blockAlign="center">
                    {r.hold && <Badge tone="attention">On hold in Shopify</Badge>}
                    <Text as="span">{r.hold ?? (r.flagCode ? r.flagCode.replace("_", " ").toLowerCase() : r.reasonMessage ?? "")}</Text>
                  </InlineStack>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </Page>
  );
}

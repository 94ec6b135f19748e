import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, InlineStack, Page, Tabs, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { isTab, listSupplierOrders, TABS, type TabKey } from "../server/fulfillment/orders-view.server";
import { StateBadge } from "../components/orders/state-badge";
import { useFormat, useT } from "../i18n/react";
import { carrierName, supplierName, warehouseName } from "../i18n/partners";
import { translateMessage } from "../i18n/message-values";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const requested = new URL(request.url).searchParams.get("tab");
  const tab: TabKey = isTab(requested) ? requested : "attention";
  // TABS lives in a .server module, which the browser bundle does not get: its keys travel in the loader data.
  const tabs = Object.keys(TABS) as TabKey[];
  return json({ tab, tabs, ...(await listSupplierOrders(session.shop, tab)) });
};

export default function Orders() {
  const { tab, tabs: keys, rows, counts } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const t = useT("orders");
  const fmt = useFormat();
  const tabs = keys.map((key) => ({ id: key, content: t("tabWithCount", { label: t(`tabs.${key}`), n: fmt.number(counts[key]) }) }));
  return (
    <Page title={t("title")} secondaryActions={[{ content: t("autopilotSettings"), url: "/app/orders/settings" }]}>
      <Card padding="0">
        <Tabs tabs={tabs} selected={keys.indexOf(tab)} onSelect={(i) => navigate(`/app/orders?tab=${keys[i]}`)} />
        {rows.length === 0 ? (
          <EmptyState heading={t("empty.heading")} image="">
            <Text as="p">{t("empty.body")}</Text>
          </EmptyState>
        ) : (
          <IndexTable itemCount={rows.length} selectable={false}
            headings={[{ title: t("columns.order") }, { title: t("columns.supplier") }, { title: t("columns.status") }, { title: t("columns.tracking") }, { title: t("columns.why") }]}>
            {rows.map((r, i) => (
              <IndexTable.Row id={r.id} key={r.id} position={i}>
                <IndexTable.Cell><Link to={`/app/orders/${r.id}`}>{r.orderName}</Link></IndexTable.Cell>
                <IndexTable.Cell>{t("supplierAtWarehouse", { supplier: supplierName(t, r.supplier), warehouse: warehouseName(t, r.warehouse, r.warehouse) })}</IndexTable.Cell>
                <IndexTable.Cell><StateBadge state={r.state} /></IndexTable.Cell>
                <IndexTable.Cell>{r.trackingNumbers.length ? t("trackingNumbers", { carrier: r.carrier ? carrierName(t, r.carrier) : "", numbers: r.trackingNumbers.join(", ") }) : "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="200" blockAlign="center">
                    {r.holdReason && <Badge tone="attention">{t("onHold")}</Badge>}
                    <Text as="span">{r.holdReason ? holdText(t, r.holdReason) : r.flagCode ? t(`flag.${r.flagCode}`, { defaultValue: r.flagCode }) : r.reason ? translateMessage(t, r.reason) : ""}</Text>
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

/** Shopify's hold reason in the merchant's language, with the notes as Shopify has them. */
function holdText(t: ReturnType<typeof useT>, hold: { reason: string | null; notes: string | null }): string {
  const reason = hold.reason ? t(`hold.${hold.reason}`, { defaultValue: hold.reason }) : t("hold.none");
  return hold.notes ? t("hold.withNotes", { reason, notes: hold.notes }) : reason;
}

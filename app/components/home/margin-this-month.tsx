import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { formatMoney } from "../../server/money";
import type { MarginThisMonth } from "../../server/dashboard/margin.server";

/** Home key metric: revenue minus supplier cost of this month's supplier orders. */
export function MarginThisMonthCard({ margin: m }: { margin: MarginThisMonth }) {
  const month = new Date(m.periodStart).toLocaleDateString("en-US", { month: "long", timeZone: "UTC" });
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">{`Margin in ${month}`}</Text>
        {m.margin && m.revenue && m.cost ? (
          <>
            <InlineStack align="space-between" blockAlign="baseline">
              <Text as="p" variant="headingLg" tone={m.margin.amount < 0 ? "critical" : undefined}>{formatMoney(m.margin)}</Text>
              {m.percent !== null ? <Text as="span" tone="subdued">{`${m.percent} % of revenue`}</Text> : null}
            </InlineStack>
            <Text as="p" tone="subdued">{`${formatMoney(m.revenue)} revenue − ${formatMoney(m.cost)} supplier cost, ${m.orders} order${m.orders === 1 ? "" : "s"} sent to suppliers.`}</Text>
          </>
        ) : (
          <Text as="p" tone="subdued">No supplier orders with a known cost this month yet.</Text>
        )}
        {m.leftOut > 0 ? <Text as="p" tone="subdued">{`${m.leftOut} order${m.leftOut === 1 ? "" : "s"} left out (cost not known yet or another currency).`}</Text> : null}
      </BlockStack>
    </Card>
  );
}

import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { MarginThisMonth } from "../../server/dashboard/margin.server";
import { useFormat, useT } from "../../i18n/react";

/** Home key metric: revenue minus supplier cost of this month's supplier orders. */
export function MarginThisMonthCard({ margin: m }: { margin: MarginThisMonth }) {
  const t = useT("home");
  const fmt = useFormat();
  // The month is a UTC calendar month (the margin query's period), so it is named in UTC.
  const month = new Date(m.periodStart).toLocaleDateString(fmt.locale, { month: "long", timeZone: "UTC" });
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">{t("margin.title", { month })}</Text>
        {m.margin && m.revenue && m.cost ? (
          <>
            <InlineStack align="space-between" blockAlign="baseline">
              <Text as="p" variant="headingLg" tone={m.margin.amount < 0 ? "critical" : undefined}>{fmt.money(m.margin)}</Text>
              {m.percent !== null ? <Text as="span" tone="subdued">{t("margin.ofRevenue", { percent: fmt.number(m.percent) })}</Text> : null}
            </InlineStack>
            <Text as="p" tone="subdued">{t("margin.breakdown", { revenue: fmt.money(m.revenue), cost: fmt.money(m.cost), orders: m.orders })}</Text>
          </>
        ) : (
          <Text as="p" tone="subdued">{t("margin.none")}</Text>
        )}
        {m.leftOut > 0 ? <Text as="p" tone="subdued">{t("margin.leftOut", { count: m.leftOut })}</Text> : null}
      </BlockStack>
    </Card>
  );
}

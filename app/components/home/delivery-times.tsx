import { BlockStack, Card, Text } from "@shopify/polaris";
import { BarChart } from "../charts/bar-chart";
import type { DeliveryTime } from "../../server/dashboard/overview.server";
import { useFormat, useT } from "../../i18n/react";
import { supplierName } from "../../i18n/partners";

export function DeliveryTimes({ rows }: { rows: DeliveryTime[] }) {
  const t = useT("home");
  const fmt = useFormat();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("deliveryTimes.title")}</Text>
        {rows.length === 0 ? (
          <Text as="p" tone="subdued">{t("deliveryTimes.empty")}</Text>
        ) : (
          <BarChart
            title={t("deliveryTimes.chartTitle")}
            rows={rows.map((r) => ({
              label: t("deliveryTimes.rowLabel", { supplier: supplierName(t, r.supplier), orders: r.orders }),
              value: r.averageDays,
              valueText: t("deliveryTimes.days", { days: r.averageDays, daysText: fmt.number(r.averageDays) }),
            }))}
          />
        )}
      </BlockStack>
    </Card>
  );
}

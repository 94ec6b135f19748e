import { BlockStack, Card, Text } from "@shopify/polaris";
import { BarChart } from "../charts/bar-chart";
import type { DeliveryTime } from "../../server/dashboard/overview.server";

export function DeliveryTimes({ rows }: { rows: DeliveryTime[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Delivery time by supplier</Text>
        {rows.length === 0 ? (
          <Text as="p" tone="subdued">Appears once orders are delivered: days from placing the supplier order to delivery.</Text>
        ) : (
          <BarChart
            title="Average days from supplier order to delivery"
            rows={rows.map((r) => ({ label: `${r.supplier} (${r.orders})`, value: r.averageDays, valueText: `${r.averageDays} days` }))}
          />
        )}
      </BlockStack>
    </Card>
  );
}

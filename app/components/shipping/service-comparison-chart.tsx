import { BlockStack, Text } from "@shopify/polaris";
import { BarChart, RangeChart } from "../charts/bar-chart";
import type { SimulatedQuote } from "../../server/shipping/simulator.server";

/** Price and delivery window of every quoted service, side by side. */
export function ServiceComparisonChart({ quotes }: { quotes: readonly SimulatedQuote[] }) {
  if (quotes.length === 0) return null;
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">Price</Text>
      <BarChart title="Price per service" rows={quotes.map((q) => ({ label: q.serviceName, value: q.total.minor, valueText: q.total.text }))} />
      <Text as="h3" variant="headingSm">Delivery window (business days in transit)</Text>
      <RangeChart title="Delivery window per service" rows={quotes.map((q) => ({ label: q.serviceName, from: q.minDays, to: q.maxDays, valueText: `${q.minDays}–${q.maxDays} days` }))} />
    </BlockStack>
  );
}

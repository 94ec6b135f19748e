import { BlockStack, Text } from "@shopify/polaris";
import { BarChart, RangeChart } from "../charts/bar-chart";
import { useFormat, useT } from "../../i18n/react";
import type { SimulatedQuote } from "../../server/shipping/simulator.server";

/** Price and delivery window of every quoted service, side by side. */
export function ServiceComparisonChart({ quotes }: { quotes: readonly SimulatedQuote[] }) {
  const t = useT("shipping-tools");
  const fmt = useFormat();
  if (quotes.length === 0) return null;
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">{t("simulator.chart.price")}</Text>
      <BarChart title={t("simulator.chart.pricePerService")} rows={quotes.map((q) => ({ label: q.serviceName, value: q.total.minor, valueText: fmt.money({ amount: q.total.minor, currency: q.total.currency }) }))} />
      <Text as="h3" variant="headingSm">{t("simulator.chart.window")}</Text>
      <RangeChart title={t("simulator.chart.windowPerService")} rows={quotes.map((q) => ({ label: q.serviceName, from: q.minDays, to: q.maxDays, valueText: t("simulator.chart.days", { from: q.minDays, to: q.maxDays }) }))} />
    </BlockStack>
  );
}

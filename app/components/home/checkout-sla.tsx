import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { BarChart } from "../charts/bar-chart";
import type { CheckoutSla } from "../../server/shipping/sla/checkout-sla.server";

// Shopify's Built for Shopify bar for checkout rates (shared/reference/platform-and-peers-2026.md §1.3).
const BAR_P95_MS = 500;
const BAR_FAILURE_PERCENT = 0.1;

const ms = (v: number | null) => (v === null ? "–" : v > 10_000 ? "over 10 s" : `≤ ${v} ms`);
const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.001 ? 3 : 2)} %`;

/** Last 28 days of checkout rate callbacks beside Shopify's 500 ms / 0.1 % bar. Loads its own data. */
export function CheckoutSlaCard() {
  const fetcher = useFetcher<CheckoutSla>();
  useEffect(() => {
    if (fetcher.state === "idle" && !fetcher.data) fetcher.load("/app/checkout-sla");
  }, [fetcher]);
  const sla = fetcher.data;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">Checkout rates: last 28 days</Text>
          {sla?.meetsBar === true ? <Badge tone="success">Meets Shopify's bar</Badge> : sla?.meetsBar === false ? <Badge tone="critical">Below Shopify's bar</Badge> : null}
        </InlineStack>
        {!sla ? (
          <Text as="p" tone="subdued">Loading…</Text>
        ) : sla.calls === 0 ? (
          <Text as="p" tone="subdued">Appears once checkouts ask Silkroute for shipping rates: how fast and how reliably they were answered.</Text>
        ) : (
          <>
            <InlineGrid columns={2} gap="300">
              <BlockStack gap="100">
                <Text as="p" tone="subdued">95th percentile answer time</Text>
                <Text as="p" variant="headingLg" id="checkout-sla-p95">{ms(sla.p95Ms)}</Text>
                <Text as="p" tone="subdued">Shopify's bar: {BAR_P95_MS} ms</Text>
              </BlockStack>
              <BlockStack gap="100">
                <Text as="p" tone="subdued">Failed answers</Text>
                <Text as="p" variant="headingLg" id="checkout-sla-failures">{percent(sla.failureRate)}</Text>
                <Text as="p" tone="subdued">Shopify's bar: {BAR_FAILURE_PERCENT} %</Text>
              </BlockStack>
            </InlineGrid>
            <Text as="p" id="checkout-sla-calls">
              {sla.calls.toLocaleString("en-US")} rate request{sla.calls === 1 ? "" : "s"}: {sla.rates.toLocaleString("en-US")} with rates, {sla.empty.toLocaleString("en-US")} with none to offer, {sla.errors.toLocaleString("en-US")} failed; {sla.over500.toLocaleString("en-US")} over 500 ms.
            </Text>
            {sla.calls < 1_000 ? <Text as="p" tone="subdued">Shopify judges the bar once a store has 1,000 rate requests in 28 days.</Text> : null}
            <BarChart
              title="95th percentile answer time by day (ms)"
              rows={sla.days.slice(-7).map((d) => ({ label: `${d.day} (${d.calls})`, value: Math.min(d.p95Ms ?? 0, 10_001), valueText: `${ms(d.p95Ms)}${d.failureRate ? `, ${percent(d.failureRate)} failed` : ""}` }))}
            />
          </>
        )}
      </BlockStack>
    </Card>
  );
}

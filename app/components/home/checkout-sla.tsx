import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { BarChart } from "../charts/bar-chart";
import type { CheckoutSla } from "../../server/shipping/sla/checkout-sla.server";
import { useFormat, useT } from "../../i18n/react";

// Shopify's Built for Shopify bar for checkout rates (shared/reference/platform-and-peers-2026.md §1.3).
const BAR_P95_MS = 500;
const BAR_FAILURE_PERCENT = 0.1;

/** Last 28 days of checkout rate callbacks beside Shopify's 500 ms / 0.1 % bar. Loads its own data. */
export function CheckoutSlaCard() {
  const t = useT("home");
  const fmt = useFormat();
  const fetcher = useFetcher<CheckoutSla>();
  useEffect(() => {
    if (fetcher.state === "idle" && !fetcher.data) fetcher.load("/app/checkout-sla");
  }, [fetcher]);
  const ms = (v: number | null) => (v === null ? "–" : v > 10_000 ? t("checkoutSla.over10s") : t("checkoutSla.ms", { ms: fmt.number(v) }));
  const percent = (rate: number) => {
    const digits = rate > 0 && rate < 0.001 ? 3 : 2;
    return `${fmt.number(rate * 100, { minimumFractionDigits: digits, maximumFractionDigits: digits })} %`;
  };
  const sla = fetcher.data;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">{t("checkoutSla.title")}</Text>
          {sla?.meetsBar === true ? <Badge tone="success">{t("checkoutSla.meets")}</Badge> : sla?.meetsBar === false ? <Badge tone="critical">{t("checkoutSla.below")}</Badge> : null}
        </InlineStack>
        {!sla ? (
          <Text as="p" tone="subdued">{t("checkoutSla.loading")}</Text>
        ) : sla.calls === 0 ? (
          <Text as="p" tone="subdued">{t("checkoutSla.empty")}</Text>
        ) : (
          <>
            <InlineGrid columns={2} gap="300">
              <BlockStack gap="100">
                <Text as="p" tone="subdued">{t("checkoutSla.p95")}</Text>
                <Text as="p" variant="headingLg" id="checkout-sla-p95">{ms(sla.p95Ms)}</Text>
                <Text as="p" tone="subdued">{t("checkoutSla.barMs", { ms: fmt.number(BAR_P95_MS) })}</Text>
              </BlockStack>
              <BlockStack gap="100">
                <Text as="p" tone="subdued">{t("checkoutSla.failures")}</Text>
                <Text as="p" variant="headingLg" id="checkout-sla-failures">{percent(sla.failureRate)}</Text>
                <Text as="p" tone="subdued">{t("checkoutSla.barPercent", { percent: fmt.number(BAR_FAILURE_PERCENT) })}</Text>
              </BlockStack>
            </InlineGrid>
            <Text as="p" id="checkout-sla-calls">
              {t("checkoutSla.calls", {
                calls: sla.calls, callsText: fmt.number(sla.calls), rates: fmt.number(sla.rates), empty: fmt.number(sla.empty),
                errors: fmt.number(sla.errors), over500: fmt.number(sla.over500),
              })}
            </Text>
            {sla.calls < 1_000 ? <Text as="p" tone="subdued">{t("checkoutSla.judged")}</Text> : null}
            <BarChart
              title={t("checkoutSla.chartTitle")}
              rows={sla.days.slice(-7).map((d) => ({
                label: t("checkoutSla.dayLabel", { day: fmt.calendarDate(d.day), calls: fmt.number(d.calls) }),
                value: Math.min(d.p95Ms ?? 0, 10_001),
                valueText: d.failureRate ? t("checkoutSla.dayFailed", { ms: ms(d.p95Ms), percent: percent(d.failureRate) }) : ms(d.p95Ms),
              }))}
            />
          </>
        )}
      </BlockStack>
    </Card>
  );
}

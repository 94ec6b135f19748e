import { BlockStack, Card, InlineStack, Link, ProgressBar, Text } from "@shopify/polaris";
import type { UsageView } from "../../server/billing/plans-page.server";

const day = (iso: string) => new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** This period's usage against the plan's allowances; on the home page and the Plans page. */
export function UsageCard({ usage, showPlansLink = false }: { usage: UsageView; showPlansLink?: boolean }) {
  const lastDay = new Date(Date.parse(usage.periodEnd) - 1).toISOString();
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">{usage.planTitle} plan usage</Text>
          {showPlansLink ? <Link url="/app/plans" removeUnderline>Plans</Link> : null}
        </InlineStack>
        <Text as="p" tone="subdued">{day(usage.periodStart)} – {day(lastDay)} (UTC)</Text>
        {usage.meters.map((m) => (
          <BlockStack gap="100" key={m.label}>
            <InlineStack align="space-between">
              <Text as="span">{m.label}</Text>
              <Text as="span" fontWeight="semibold" tone={m.limit !== null && m.used >= m.limit ? "critical" : undefined}>
                {m.limit === null ? `${m.used} (unlimited)` : `${m.used} of ${m.limit}`}
              </Text>
            </InlineStack>
            {m.limit !== null ? <ProgressBar progress={Math.min(100, Math.round((m.used / m.limit) * 100))} size="small" tone={m.used >= m.limit ? "critical" : "primary"} /> : null}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}

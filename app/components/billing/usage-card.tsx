import { BlockStack, Card, InlineStack, Link, ProgressBar, Text } from "@shopify/polaris";
import type { UsageView } from "../../server/billing/plans-page.server";
import { useFormat, useT } from "../../i18n/react";

/** This period's usage against the plan's allowances; on the home page and the Plans page. */
export function UsageCard({ usage, showPlansLink = false }: { usage: UsageView; showPlansLink?: boolean }) {
  const t = useT("common");
  const fmt = useFormat();
  const lastDay = new Date(Date.parse(usage.periodEnd) - 1).toISOString();
  // Billing periods are UTC days (Shopify bills in UTC), so this range is shown in UTC, not the shop's zone.
  // Two dates rather than Intl's formatRange: its spacing differs between ICU versions (Node's vs the browser's),
  // which would break hydration.
  const day = new Intl.DateTimeFormat(fmt.locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const period = t("common:usage.period", { from: day.format(new Date(usage.periodStart)), to: day.format(new Date(lastDay)) });
  const plan = t(`common:plans.${usage.planKey}`, { defaultValue: usage.planTitle });
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">{t("common:usage.title", { plan })}</Text>
          {showPlansLink ? <Link url="/app/plans" removeUnderline>{t("common:usage.plansLink")}</Link> : null}
        </InlineStack>
        <Text as="p" tone="subdued">{t("common:usage.periodUtc", { period })}</Text>
        {usage.meters.map((m) => (
          <BlockStack gap="100" key={m.key}>
            <InlineStack align="space-between">
              <Text as="span">{t(`common:usage.meter.${m.key}`)}</Text>
              <Text as="span" fontWeight="semibold" tone={m.limit !== null && m.used >= m.limit ? "critical" : undefined}>
                {m.limit === null ? t("common:usage.unlimited", { used: m.used }) : t("common:usage.usedOf", { used: m.used, limit: m.limit })}
              </Text>
            </InlineStack>
            {m.limit !== null ? <ProgressBar progress={Math.min(100, Math.round((m.used / m.limit) * 100))} size="small" tone={m.used >= m.limit ? "critical" : "primary"} /> : null}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}

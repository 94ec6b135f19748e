import { BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";
import { useFormat, useT } from "../../i18n/react";

const ROWS = ["attention", "supplier", "transit", "delivered", "exceptions"] as const;

export function OrdersSummary({ counts }: { counts: Record<(typeof ROWS)[number], number> }) {
  const t = useT("home");
  const fmt = useFormat();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("ordersSummary.title")}</Text>
        {ROWS.map((key) => (
          <InlineStack key={key} align="space-between">
            <Link url={`/app/orders?tab=${key}`} removeUnderline>{t(`orders:tabs.${key}`)}</Link>
            <Text as="span" fontWeight="semibold" tone={key === "attention" && counts[key] > 0 ? "critical" : undefined}>{fmt.number(counts[key])}</Text>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

import { BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";

const ROWS = [
  ["attention", "Needs attention"],
  ["supplier", "Awaiting supplier"],
  ["transit", "In transit"],
  ["delivered", "Delivered"],
  ["exceptions", "Exceptions"],
] as const;

export function OrdersSummary({ counts }: { counts: Record<(typeof ROWS)[number][0], number> }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Supplier orders</Text>
        {ROWS.map(([key, label]) => (
          <InlineStack key={key} align="space-between">
            <Link url={`/app/orders?tab=${key}`} removeUnderline>{label}</Link>
            <Text as="span" fontWeight="semibold" tone={key === "attention" && counts[key] > 0 ? "critical" : undefined}>{counts[key]}</Text>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

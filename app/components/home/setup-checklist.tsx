import { Badge, BlockStack, Box, Button, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { SetupStep } from "../../server/dashboard/overview.server";

export function SetupChecklist({ steps }: { steps: SetupStep[] }) {
  const done = steps.filter((s) => s.done).length;
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">Setup</Text>
          <Text as="p" tone="subdued">{done} of {steps.length} steps done</Text>
          <ProgressBar progress={(done / steps.length) * 100} size="small" tone="primary" />
        </BlockStack>
        {steps.map((step) => (
          <Box key={step.key} paddingBlockStart="200" borderBlockStartWidth="025" borderColor="border">
            <InlineStack align="space-between" blockAlign="center" gap="400" wrap={false}>
              <BlockStack gap="100">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h3" variant="headingSm">{step.title}</Text>
                  {step.done ? <Badge tone="success">Done</Badge> : <Badge tone="attention">To do</Badge>}
                </InlineStack>
                <Text as="p" tone="subdued">{step.detail}</Text>
              </BlockStack>
              {/* The action keeps its one-line width; the description wraps instead. */}
              <div style={{ flexShrink: 0 }}><Button url={step.url} variant={step.done ? "tertiary" : "primary"}>{step.action}</Button></div>
            </InlineStack>
          </Box>
        ))}
      </BlockStack>
    </Card>
  );
}

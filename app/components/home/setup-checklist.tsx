import { Badge, BlockStack, Box, Button, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { SetupStep } from "../../server/dashboard/overview.server";
import { useFormat, useT } from "../../i18n/react";
import { supplierName } from "../../i18n/partners";

export function SetupChecklist({ steps }: { steps: SetupStep[] }) {
  const t = useT("home");
  const fmt = useFormat();
  const done = steps.filter((s) => s.done).length;
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">{t("setup.title")}</Text>
          <Text as="p" tone="subdued">{t("setup.progress", { done, total: steps.length })}</Text>
          <ProgressBar progress={(done / steps.length) * 100} size="small" tone="primary" />
        </BlockStack>
        {steps.map((step) => {
          const suppliers = fmt.list((step.suppliers ?? []).map((code) => supplierName(t, code)));
          return (
            <Box key={step.key} paddingBlockStart="200" borderBlockStartWidth="025" borderColor="border">
              <InlineStack align="space-between" blockAlign="center" gap="400" wrap={false}>
                <BlockStack gap="100">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="h3" variant="headingSm">{t(step.title.key, { ...step.title.values, suppliers })}</Text>
                    {step.done ? <Badge tone="success">{t("setup.done")}</Badge> : <Badge tone="attention">{t("setup.toDo")}</Badge>}
                  </InlineStack>
                  <Text as="p" tone="subdued">{t(step.detail.key, step.detail.values)}</Text>
                </BlockStack>
                {/* The action keeps its one-line width; the description wraps instead. */}
                <div style={{ flexShrink: 0 }}><Button url={step.url} variant={step.done ? "tertiary" : "primary"}>{t(step.action.key, step.action.values)}</Button></div>
              </InlineStack>
            </Box>
          );
        })}
      </BlockStack>
    </Card>
  );
}

import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { Message } from "../../i18n/message";
import { useT } from "../../i18n/react";

export interface SyncAlertView { id: string; kind: string; message: Message }

const TONE: Record<string, "critical" | "attention" | "warning"> = { margin_breach: "critical", supplier_error: "critical", approval_needed: "warning", out_of_stock: "attention", discontinued: "attention" };

/** The home page's sync alerts: price breaches, approvals, out of stock, suppliers that could not be read. */
export function SyncAlerts({ total, rows }: { total: number; rows: SyncAlertView[] }) {
  const t = useT("home");
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">{t("syncAlerts.title", { total })}</Text>
          <Button url="/app/sync" variant="plain">{t("syncAlerts.settingsLink")}</Button>
        </InlineStack>
        {rows.length === 0 ? <Text as="p" tone="subdued">{t("syncAlerts.empty")}</Text> : null}
        {rows.map((a) => (
          <InlineStack key={a.id} gap="200" blockAlign="center" wrap={false}>
            <Badge tone={TONE[a.kind] ?? "attention"}>{t(`syncAlerts.kind.${a.kind}`, { defaultValue: a.kind })}</Badge>
            <Text as="span">{t(a.message.key, a.message.values)}</Text>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

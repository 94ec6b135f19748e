import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";

export interface SyncAlertView { id: string; kind: string; message: string }

const TONE: Record<string, "critical" | "attention" | "warning"> = { margin_breach: "critical", supplier_error: "critical", approval_needed: "warning", out_of_stock: "attention", discontinued: "attention" };
const LABEL: Record<string, string> = { margin_breach: "Margin", supplier_error: "Supplier", approval_needed: "Approval", out_of_stock: "Out of stock", discontinued: "Discontinued" };

/** The home page's sync alerts: price breaches, approvals, out of stock, suppliers that could not be read. */
export function SyncAlerts({ total, rows }: { total: number; rows: SyncAlertView[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">{`Price and stock alerts (${total})`}</Text>
          <Button url="/app/sync" variant="plain">Sync settings and history</Button>
        </InlineStack>
        {rows.length === 0 ? <Text as="p" tone="subdued">Prices and stock match your suppliers.</Text> : null}
        {rows.map((a) => (
          <InlineStack key={a.id} gap="200" blockAlign="center" wrap={false}>
            <Badge tone={TONE[a.kind] ?? "attention"}>{LABEL[a.kind] ?? a.kind}</Badge>
            <Text as="span">{a.message}</Text>
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

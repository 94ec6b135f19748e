import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, Text } from "@shopify/polaris";
import { useState } from "react";

export function SyncSettingsCard({ initial, busy }: { initial: { stockSync: boolean; autoPriceSync: boolean }; busy: boolean }) {
  const [form, setForm] = useState(initial);
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save-sync" />
        <input type="hidden" name="stockSync" value={String(form.stockSync)} />
        <input type="hidden" name="autoPriceSync" value={String(form.autoPriceSync)} />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">Price and stock sync</Text>
          <Text as="p" tone="subdued">Every 15 minutes Silkroute re-reads supplier stock and cost for mapped variants.</Text>
          <Checkbox label="Update stock at the Silkroute location" checked={form.stockSync} onChange={(v) => setForm((f) => ({ ...f, stockSync: v }))} />
          <Checkbox label="Update prices from the pricing rules when supplier cost changes (variants without a manual price)"
            checked={form.autoPriceSync} onChange={(v) => setForm((f) => ({ ...f, autoPriceSync: v }))} />
          <Button submit loading={busy}>Save sync settings</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}

import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, Text } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../../i18n/react";

export function SyncSettingsCard({ initial, busy }: { initial: { stockSync: boolean; autoPriceSync: boolean }; busy: boolean }) {
  const t = useT("settings");
  const [form, setForm] = useState(initial);
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save-sync" />
        <input type="hidden" name="stockSync" value={String(form.stockSync)} />
        <input type="hidden" name="autoPriceSync" value={String(form.autoPriceSync)} />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("sync.title")}</Text>
          <Text as="p" tone="subdued">{t("sync.intro")}</Text>
          <Checkbox label={t("sync.stock")} checked={form.stockSync} onChange={(v) => setForm((f) => ({ ...f, stockSync: v }))} />
          <Checkbox label={t("sync.prices")}
            checked={form.autoPriceSync} onChange={(v) => setForm((f) => ({ ...f, autoPriceSync: v }))} />
          <Button submit loading={busy}>{t("sync.save")}</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}

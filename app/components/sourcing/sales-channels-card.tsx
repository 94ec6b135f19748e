import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, Text } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../../i18n/react";

export interface SalesChannelsView { options: Array<{ id: string; title: string }>; chosen: string[] }

/** Which sales channels imported products are published to; the Online Store when none is ticked. */
export function SalesChannelsCard({ initial, busy }: { initial: SalesChannelsView; busy: boolean }) {
  const t = useT("settings");
  const [chosen, setChosen] = useState(initial.chosen);
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save-channels" />
        <input type="hidden" name="publicationGids" value={chosen.join(",")} />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("channels.title")}</Text>
          <Text as="p" tone="subdued">{t("channels.intro")}</Text>
          {initial.options.length === 0
            ? <Text as="p" tone="caution">{t("channels.unavailable")}</Text>
            : initial.options.map((o) => <Checkbox key={o.id} label={<span translate="no">{o.title}</span>} checked={chosen.includes(o.id)} onChange={(v) => toggle(o.id, v)} />)}
          <Button submit loading={busy}>{t("channels.save")}</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}

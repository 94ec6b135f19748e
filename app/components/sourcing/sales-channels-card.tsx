import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, Text } from "@shopify/polaris";
import { useState } from "react";

export interface SalesChannelsView { options: Array<{ id: string; title: string }>; chosen: string[] }

/** Which sales channels imported products are published to; the Online Store when none is ticked. */
export function SalesChannelsCard({ initial, busy }: { initial: SalesChannelsView; busy: boolean }) {
  const [chosen, setChosen] = useState(initial.chosen);
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save-channels" />
        <input type="hidden" name="publicationGids" value={chosen.join(",")} />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">Sales channels</Text>
          <Text as="p" tone="subdued">Imported products are published to these channels when they are pushed, so buyers can find them. With none ticked, Silkroute uses the Online Store.</Text>
          {initial.options.length === 0
            ? <Text as="p" tone="caution">Shopify could not be asked for your sales channels right now; pushes use the Online Store.</Text>
            : initial.options.map((o) => <Checkbox key={o.id} label={o.title} checked={chosen.includes(o.id)} onChange={(v) => toggle(o.id, v)} />)}
          <Button submit loading={busy}>Save sales channels</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}

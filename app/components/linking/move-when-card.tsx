import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";

/** For linked products the merchant keeps stocking: when Silkroute takes their lines of an order. */
export function MoveWhenCard({ moveWhen, busy }: { moveWhen: string; busy: boolean }) {
  const [value, setValue] = useState(moveWhen);
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="move-when" />
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">Orders for linked products</Text>
          <InlineStack gap="200" blockAlign="end">
            <Select label="For products you keep stocking at your location, send their order lines to the supplier" name="moveWhen" value={value} onChange={setValue}
              options={[{ label: "when my own stock has run out", value: "out_of_stock" }, { label: "always", value: "always" }]} />
            <Button submit loading={busy}>Save</Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../../i18n/react";

/** For linked products the merchant keeps stocking: when Silkroute takes their lines of an order. */
export function MoveWhenCard({ moveWhen, busy }: { moveWhen: string; busy: boolean }) {
  const t = useT("linking");
  const [value, setValue] = useState(moveWhen);
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="move-when" />
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">{t("moveWhen.title")}</Text>
          <InlineStack gap="200" blockAlign="end">
            <Select label={t("moveWhen.label")} name="moveWhen" value={value} onChange={setValue}
              options={[{ label: t("moveWhen.outOfStock"), value: "out_of_stock" }, { label: t("moveWhen.always"), value: "always" }]} />
            <Button submit loading={busy}>{t("moveWhen.save")}</Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

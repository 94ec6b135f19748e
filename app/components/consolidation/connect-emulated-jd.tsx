import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useT } from "../../i18n/react";

/** Demo only: one click connects the offline JD VOP emulator with test credentials and a ready warehouse. */
export function ConnectEmulatedJd({ busy }: { busy: boolean }) {
  const t = useT("settings");
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="connect-jd-emulated" />
        <BlockStack gap="200">
          <Text as="p">{t("jdEmulated.intro")}</Text>
          <InlineStack gap="200">
            <Button submit variant="primary" loading={busy}>{t("jdEmulated.connect")}</Button>
            <Button url="/app/consolidation">{t("jdEmulated.consolidation")}</Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";

/** Demo only: one click connects the offline JD VOP emulator with test credentials and a ready warehouse. */
export function ConnectEmulatedJd({ busy }: { busy: boolean }) {
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="connect-jd-emulated" />
        <BlockStack gap="200">
          <Text as="p">Try JD sourcing offline: the demo runs a JD VOP emulator built from JD&apos;s published client contract.</Text>
          <InlineStack gap="200">
            <Button submit variant="primary" loading={busy}>Connect JD VOP (emulated)</Button>
            <Button url="/app/consolidation">China consolidation warehouses</Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

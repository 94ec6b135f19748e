import { Form } from "@remix-run/react";
import { BlockStack, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../../i18n/react";

/** JD delivers to the consolidation warehouse; the forwarder's number is the one the customer follows. */
export function ForwarderTrackingForm() {
  const t = useT("consolidation");
  const [number, setNumber] = useState("");
  const [carrier, setCarrier] = useState("");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="forwarder-tracking" />
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">{t("forwarder.title")}</Text>
        <TextField label={t("forwarder.number")} name="trackingNumber" value={number} onChange={setNumber} autoComplete="off" />
        <TextField label={t("forwarder.carrier")} name="carrier" value={carrier} onChange={setCarrier} autoComplete="off" placeholder={t("forwarder.carrierExample")} />
        <InlineStack><Button submit>{t("forwarder.save")}</Button></InlineStack>
      </BlockStack>
    </Form>
  );
}

import { Form } from "@remix-run/react";
import { BlockStack, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

/** JD delivers to the consolidation warehouse; the forwarder's number is the one the customer follows. */
export function ForwarderTrackingForm() {
  const [number, setNumber] = useState("");
  const [carrier, setCarrier] = useState("");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="forwarder-tracking" />
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">Forwarder tracking</Text>
        <TextField label="Tracking number" name="trackingNumber" value={number} onChange={setNumber} autoComplete="off" />
        <TextField label="Carrier" name="carrier" value={carrier} onChange={setCarrier} autoComplete="off" placeholder="YunExpress, 4PX, China Post…" />
        <InlineStack><Button submit>Save forwarder tracking</Button></InlineStack>
      </BlockStack>
    </Form>
  );
}

// Settings card: which CJ shipping method carries each Silkroute checkout service. Unmapped services go by the
// buyer's service name when CJ offers it on the route, else by CJ's cheapest quote.
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

export interface LogisticMappingCardProps {
  mappings: { serviceCode: string; logisticName: string }[];
  services: { code: string; name: string }[];
  error?: string;
}

export function LogisticMappingCard({ mappings, services, error }: LogisticMappingCardProps) {
  const [serviceCode, setServiceCode] = useState(services[0]?.code ?? "");
  const [logisticName, setLogisticName] = useState("");
  const [fromCountry, setFrom] = useState("CN");
  const [toCountry, setTo] = useState("US");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">CJ shipping method per checkout service</Text>
        <Text as="p" tone="subdued">
          Orders whose buyer picked a mapped service go to CJ with that shipping method. Unmapped services use CJ's method of the same
          name when CJ offers it on the route, otherwise CJ's cheapest quote. A mapping is checked against CJ's freight quote for the route you give.
        </Text>
        {mappings.length === 0 ? <Text as="p">No mappings yet.</Text> : mappings.map((m) => (
          <InlineStack key={m.serviceCode} gap="300" blockAlign="center">
            <Text as="span" fontWeight="semibold">{m.serviceCode}</Text>
            <Text as="span">→ {m.logisticName}</Text>
            <Form method="post">
              <input type="hidden" name="intent" value="logistic-mapping-delete" />
              <input type="hidden" name="serviceCode" value={m.serviceCode} />
              <Button submit variant="plain" tone="critical">Remove</Button>
            </Form>
          </InlineStack>
        ))}
        <Form method="post">
          <input type="hidden" name="intent" value="logistic-mapping-save" />
          <BlockStack gap="200">
            {services.length > 0
              ? <Select label="Checkout service" name="serviceCode" value={serviceCode} onChange={setServiceCode} options={services.map((s) => ({ label: `${s.name} (${s.code})`, value: s.code }))} />
              : <TextField label="Checkout service code" name="serviceCode" value={serviceCode} onChange={setServiceCode} autoComplete="off" helpText="The service code of one of your rate cards." />}
            <TextField label="CJ shipping method" name="logisticName" value={logisticName} onChange={setLogisticName} autoComplete="off" placeholder="DHL Official" error={error} />
            <InlineStack gap="200">
              <TextField label="Check route from (CJ warehouse country)" name="fromCountry" value={fromCountry} onChange={setFrom} autoComplete="off" maxLength={2} />
              <TextField label="to (buyer country)" name="toCountry" value={toCountry} onChange={setTo} autoComplete="off" maxLength={2} />
            </InlineStack>
            <Button submit>Check with CJ and save</Button>
          </BlockStack>
        </Form>
      </BlockStack>
    </Card>
  );
}

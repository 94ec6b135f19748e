// Settings card: which CJ shipping method carries each Silkroute checkout service. Unmapped services go by the
// buyer's service name when CJ offers it on the route, else by CJ's cheapest quote.
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../../i18n/react";

const EXAMPLE_METHOD = "DHL Official"; // i18n-ignore: CJ's own name for the method, the same in every language

export interface LogisticMappingCardProps {
  mappings: { serviceCode: string; logisticName: string }[];
  services: { code: string; name: string }[];
  error?: string;
}

export function LogisticMappingCard({ mappings, services, error }: LogisticMappingCardProps) {
  const t = useT("orders");
  const [serviceCode, setServiceCode] = useState(services[0]?.code ?? "");
  const [logisticName, setLogisticName] = useState("");
  const [fromCountry, setFrom] = useState("CN");
  const [toCountry, setTo] = useState("US");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("logistic.title")}</Text>
        <Text as="p" tone="subdued">{t("logistic.intro")}</Text>
        {mappings.length === 0 ? <Text as="p">{t("logistic.none")}</Text> : mappings.map((m) => (
          <InlineStack key={m.serviceCode} gap="300" blockAlign="center">
            <Text as="span" fontWeight="semibold">{m.serviceCode}</Text>
            <Text as="span">{t("logistic.arrow", { name: m.logisticName })}</Text>
            <Form method="post">
              <input type="hidden" name="intent" value="logistic-mapping-delete" />
              <input type="hidden" name="serviceCode" value={m.serviceCode} />
              <Button submit variant="plain" tone="critical">{t("logistic.remove")}</Button>
            </Form>
          </InlineStack>
        ))}
        <Form method="post">
          <input type="hidden" name="intent" value="logistic-mapping-save" />
          <BlockStack gap="200">
            {services.length > 0
              ? <Select label={t("logistic.service")} name="serviceCode" value={serviceCode} onChange={setServiceCode} options={services.map((s) => ({ label: t("logistic.serviceOption", { name: s.name, code: s.code }), value: s.code }))} />
              : <TextField label={t("logistic.serviceCode")} name="serviceCode" value={serviceCode} onChange={setServiceCode} autoComplete="off" helpText={t("logistic.serviceCodeHelp")} />}
            <TextField label={t("logistic.method")} name="logisticName" value={logisticName} onChange={setLogisticName} autoComplete="off" placeholder={EXAMPLE_METHOD} error={error} />
            <InlineStack gap="200">
              <TextField label={t("logistic.from")} name="fromCountry" value={fromCountry} onChange={setFrom} autoComplete="off" maxLength={2} />
              <TextField label={t("logistic.to")} name="toCountry" value={toCountry} onChange={setTo} autoComplete="off" maxLength={2} />
            </InlineStack>
            <Button submit>{t("logistic.save")}</Button>
          </BlockStack>
        </Form>
      </BlockStack>
    </Card>
  );
}

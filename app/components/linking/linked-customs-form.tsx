import { Form } from "@remix-run/react";
import { BlockStack, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../../i18n/react";

export interface LinkedCustomsValues { hsCode: string; originCountry: string; gpsrResponsiblePerson: string }

/**
 * Customs data of a product the merchant linked (it has no import list page): HS code, origin and an EU responsible
 * person overriding the shop's default. The entries live in component state, so a refused save keeps what was typed.
 */
export function LinkedCustomsForm({ productGid, initial, busy, error }: {
  productGid: string; initial: LinkedCustomsValues; busy: boolean; error: { field: string; message: string } | null;
}) {
  const t = useT("linking");
  const [v, setV] = useState(initial);
  const set = (key: keyof LinkedCustomsValues) => (value: string) => setV({ ...v, [key]: value });
  const errorFor = (key: keyof LinkedCustomsValues) => (error?.field === key ? error.message : undefined);
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="customs-data" />
      <input type="hidden" name="productGid" value={productGid} />
      <BlockStack gap="200">
        <Text as="h4" variant="headingSm">{t("customs.title")}</Text>
        <InlineStack gap="200" blockAlign="start">
          <TextField label={t("customs.hsCode")} name="hsCode" value={v.hsCode} onChange={set("hsCode")} autoComplete="off" placeholder="8507.60" error={errorFor("hsCode")} />
          <TextField label={t("customs.origin")} name="originCountry" value={v.originCountry} onChange={set("originCountry")} autoComplete="off" placeholder="CN" /* i18n-ignore: an ISO code */ error={errorFor("originCountry")} />
        </InlineStack>
        <TextField label={t("customs.gpsr")} name="gpsrResponsiblePerson" value={v.gpsrResponsiblePerson} onChange={set("gpsrResponsiblePerson")} autoComplete="off"
          helpText={t("customs.gpsrHelp")} error={errorFor("gpsrResponsiblePerson")} />
        <InlineStack><Button submit loading={busy}>{t("customs.save")}</Button></InlineStack>
      </BlockStack>
    </Form>
  );
}

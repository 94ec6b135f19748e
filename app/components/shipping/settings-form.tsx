import { BlockStack, Button, Card, Checkbox, FormLayout, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";
import type { SettingsForm } from "../../server/shipping/settings.server";

export interface ServiceRow { code: string; name: string }

/** Merchant rules: markup, handling fee, free shipping, rename/hide services, DDP taxes, default box. */
export function ShippingSettingsForm({ initial, services, errors, busy }: { initial: SettingsForm; services: readonly ServiceRow[]; errors: Record<string, string>; busy: boolean }) {
  const [v, setV] = useState(initial);
  const set = <K extends keyof SettingsForm>(key: K) => (value: SettingsForm[K]) => setV({ ...v, [key]: value });
  const box = (key: "length" | "width" | "height", name: string, label: string) => (
    <TextField label={label} type="number" name={name} value={String(v.defaultBoxMm[key])} suffix="mm" error={errors[name]} autoComplete="off"
      onChange={(value) => setV({ ...v, defaultBoxMm: { ...v.defaultBoxMm, [key]: Number(value) } })} />
  );
  const service = (code: string) => v.services[code] ?? {};
  const setService = (code: string, patch: { hidden?: boolean; name?: string }) => setV({ ...v, services: { ...v.services, [code]: { ...service(code), ...patch } } });
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="save-settings" />
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">Pricing rules</Text>
          <FormLayout>
            <InlineGrid columns={3} gap="200">
              <Select label="Markup" name="markupKind" value={v.markupKind} onChange={(value) => set("markupKind")(value as SettingsForm["markupKind"])}
                options={[{ label: "None", value: "none" }, { label: "Percent of carrier cost", value: "percent" }, { label: "Fixed per order", value: "fixed" }]} />
              <TextField label="Markup percent" name="markupPercent" value={v.markupPercent} onChange={set("markupPercent")} suffix="%" error={errors.markupPercent} disabled={v.markupKind !== "percent"} autoComplete="off" />
              <TextField label="Fixed markup" name="markupAmount" value={v.markupAmount} onChange={set("markupAmount")} suffix={v.rulesCurrency} error={errors.markupAmount} disabled={v.markupKind !== "fixed"} autoComplete="off" />
            </InlineGrid>
            <InlineGrid columns={3} gap="200">
              <TextField label="Handling fee" name="handlingFee" value={v.handlingFee} onChange={set("handlingFee")} suffix={v.rulesCurrency} error={errors.handlingFee} autoComplete="off" />
              <Select label="Handling fee per" name="handlingFeePer" value={v.handlingFeePer} onChange={(value) => set("handlingFeePer")(value as SettingsForm["handlingFeePer"])} options={[{ label: "Order", value: "order" }, { label: "Parcel", value: "parcel" }]} />
              <TextField label="Currency of fixed amounts" name="rulesCurrency" value={v.rulesCurrency} onChange={set("rulesCurrency")} error={errors.rulesCurrency} autoComplete="off" />
            </InlineGrid>
            <TextField label="Free shipping from a cart value of" name="freeShippingThreshold" value={v.freeShippingThreshold} onChange={set("freeShippingThreshold")} suffix={v.rulesCurrency}
              error={errors.freeShippingThreshold} helpText="Leave empty for no free shipping. Duties of DDP services are still charged." autoComplete="off" />
            <Checkbox label="DDP prices include import VAT/GST" checked={v.ddpIncludesTaxes} onChange={set("ddpIncludesTaxes")}
              helpText="Turn off when Shopify Tax already collects VAT at checkout, so it is not charged twice." />
            <input type="hidden" name="ddpIncludesTaxes" value={String(v.ddpIncludesTaxes)} />
            <Text as="h3" variant="headingSm">Your tax registrations (who collects low-value import VAT/GST)</Text>
            <InlineGrid columns={3} gap="200">
              <Checkbox label="EU IOSS number (≤ €150)" checked={v.iossRegistered} onChange={set("iossRegistered")} />
              <Checkbox label="UK VAT (≤ £135)" checked={v.ukVatRegistered} onChange={set("ukVatRegistered")} />
              <Checkbox label="Australian GST (≤ A$1,000)" checked={v.auGstRegistered} onChange={set("auGstRegistered")} />
            </InlineGrid>
            <input type="hidden" name="iossRegistered" value={String(v.iossRegistered)} />
            <input type="hidden" name="ukVatRegistered" value={String(v.ukVatRegistered)} />
            <input type="hidden" name="auGstRegistered" value={String(v.auGstRegistered)} />
            <TextField label="Duty-rate overrides" name="dutyOverrides" value={v.dutyOverrides} onChange={set("dutyOverrides")} multiline={3} monospaced
              error={errors.dutyOverrides} autoComplete="off"
              helpText="One per line: sku:ABC-1=8.5 for a product, hs:6109=16.5 for an HS prefix. Your rates replace Silkroute's estimates and schedules." />
            <Text as="h3" variant="headingSm">Box for items without supplier dimensions</Text>
            <InlineGrid columns={3} gap="200">
              {box("length", "boxLengthMm", "Length")}
              {box("width", "boxWidthMm", "Width")}
              {box("height", "boxHeightMm", "Height")}
            </InlineGrid>
            <Text as="h3" variant="headingSm">Services at checkout</Text>
            {services.map((s) => (
              <InlineGrid key={s.code} columns={["oneThird", "twoThirds"]} gap="200">
                <Checkbox label={`Hide ${s.code}`} name={`hide_${s.code}`} checked={!!service(s.code).hidden} onChange={(hidden) => setService(s.code, { hidden })} />
                <TextField label={`Name shown for ${s.code}`} labelHidden name={`rename_${s.code}`} value={service(s.code).name ?? ""} placeholder={s.name} onChange={(name) => setService(s.code, { name })} autoComplete="off" />
              </InlineGrid>
            ))}
            <Button submit variant="primary" loading={busy}>Save</Button>
          </FormLayout>
        </BlockStack>
      </Card>
    </Form>
  );
}

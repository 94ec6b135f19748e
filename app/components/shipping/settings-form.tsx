import { BlockStack, Button, Card, Checkbox, FormLayout, InlineGrid, Select, Text, TextField } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";
import type { SettingsForm } from "../../server/shipping/settings.server";
import { useT } from "../../i18n/react";
import type { Message } from "../../i18n/message";

export interface ServiceRow { code: string; name: string }

/** Merchant rules: markup, handling fee, free shipping, rename/hide services, DDP taxes, default box. */
export function ShippingSettingsForm({ initial, services, errors, busy }: { initial: SettingsForm; services: readonly ServiceRow[]; errors: Record<string, Message>; busy: boolean }) {
  const t = useT("shipping");
  const errorText = (name: string) => (errors[name] ? t(errors[name]!.key, errors[name]!.values) : undefined);
  const [v, setV] = useState(initial);
  const set = <K extends keyof SettingsForm>(key: K) => (value: SettingsForm[K]) => setV({ ...v, [key]: value });
  const box = (key: "length" | "width" | "height", name: string, label: string) => (
    <TextField label={label} type="number" name={name} value={String(v.defaultBoxMm[key])} suffix={t("form.mm")} error={errorText(name)} autoComplete="off"
      onChange={(value) => setV({ ...v, defaultBoxMm: { ...v.defaultBoxMm, [key]: Number(value) } })} />
  );
  const service = (code: string) => v.services[code] ?? {};
  const setService = (code: string, patch: { hidden?: boolean; name?: string }) => setV({ ...v, services: { ...v.services, [code]: { ...service(code), ...patch } } });
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="save-settings" />
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">{t("form.title")}</Text>
          <FormLayout>
            <InlineGrid columns={3} gap="200">
              <Select label={t("form.markup")} name="markupKind" value={v.markupKind} onChange={(value) => set("markupKind")(value as SettingsForm["markupKind"])}
                options={[{ label: t("form.markupNone"), value: "none" }, { label: t("form.markupPercentOption"), value: "percent" }, { label: t("form.markupFixedOption"), value: "fixed" }]} />
              <TextField label={t("form.markupPercent")} name="markupPercent" value={v.markupPercent} onChange={set("markupPercent")} suffix="%" error={errorText("markupPercent")} disabled={v.markupKind !== "percent"} autoComplete="off" />
              <TextField label={t("form.markupAmount")} name="markupAmount" value={v.markupAmount} onChange={set("markupAmount")} suffix={v.rulesCurrency} error={errorText("markupAmount")} disabled={v.markupKind !== "fixed"} autoComplete="off" />
            </InlineGrid>
            <InlineGrid columns={3} gap="200">
              <TextField label={t("form.handlingFee")} name="handlingFee" value={v.handlingFee} onChange={set("handlingFee")} suffix={v.rulesCurrency} error={errorText("handlingFee")} autoComplete="off" />
              <Select label={t("form.handlingFeePer")} name="handlingFeePer" value={v.handlingFeePer} onChange={(value) => set("handlingFeePer")(value as SettingsForm["handlingFeePer"])} options={[{ label: t("form.perOrder"), value: "order" }, { label: t("form.perParcel"), value: "parcel" }]} />
              <TextField label={t("form.rulesCurrency")} name="rulesCurrency" value={v.rulesCurrency} onChange={set("rulesCurrency")} error={errorText("rulesCurrency")} autoComplete="off" />
            </InlineGrid>
            <TextField label={t("form.freeShipping")} name="freeShippingThreshold" value={v.freeShippingThreshold} onChange={set("freeShippingThreshold")} suffix={v.rulesCurrency}
              error={errorText("freeShippingThreshold")} helpText={t("form.freeShippingHelp")} autoComplete="off" />
            <Checkbox label={t("form.ddpIncludesTaxes")} checked={v.ddpIncludesTaxes} onChange={set("ddpIncludesTaxes")}
              helpText={t("form.ddpIncludesTaxesHelp")} />
            <input type="hidden" name="ddpIncludesTaxes" value={String(v.ddpIncludesTaxes)} />
            <Text as="h3" variant="headingSm">{t("form.taxRegistrations")}</Text>
            <InlineGrid columns={3} gap="200">
              <Checkbox label={t("form.ioss")} checked={v.iossRegistered} onChange={set("iossRegistered")} />
              <Checkbox label={t("form.ukVat")} checked={v.ukVatRegistered} onChange={set("ukVatRegistered")} />
              <Checkbox label={t("form.auGst")} checked={v.auGstRegistered} onChange={set("auGstRegistered")} />
            </InlineGrid>
            <input type="hidden" name="iossRegistered" value={String(v.iossRegistered)} />
            <input type="hidden" name="ukVatRegistered" value={String(v.ukVatRegistered)} />
            <input type="hidden" name="auGstRegistered" value={String(v.auGstRegistered)} />
            <TextField label={t("form.dutyOverrides")} name="dutyOverrides" value={v.dutyOverrides} onChange={set("dutyOverrides")} multiline={3} monospaced
              error={errorText("dutyOverrides")} autoComplete="off"
              helpText={t("form.dutyOverridesHelp")} />
            <Text as="h3" variant="headingSm">{t("form.defaultBox")}</Text>
            <InlineGrid columns={3} gap="200">
              {box("length", "boxLengthMm", t("form.length"))}
              {box("width", "boxWidthMm", t("form.width"))}
              {box("height", "boxHeightMm", t("form.height"))}
            </InlineGrid>
            <Text as="h3" variant="headingSm">{t("form.services")}</Text>
            {services.map((s) => (
              <InlineGrid key={s.code} columns={["oneThird", "twoThirds"]} gap="200">
                <Checkbox label={t("form.hideService", { code: s.code })} name={`hide_${s.code}`} checked={!!service(s.code).hidden} onChange={(hidden) => setService(s.code, { hidden })} />
                <TextField label={t("form.renameService", { code: s.code })} labelHidden name={`rename_${s.code}`} value={service(s.code).name ?? ""} placeholder={s.name} onChange={(name) => setService(s.code, { name })} autoComplete="off" />
              </InlineGrid>
            ))}
            <Button submit variant="primary" loading={busy}>{t("form.save")}</Button>
          </FormLayout>
        </BlockStack>
      </Card>
    </Form>
  );
}

import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../../i18n/react";

export interface PricingFormView {
  multiplier: string;
  fixedAdd: string;
  tiers: string;
  ending: string;
  compareAtMultiplier: string;
  includeShipping: boolean;
  includeDuties: boolean;
}

const ENDINGS = ["none", "99", "95", "whole"] as const;

export function PricingRulesForm({ initial, currency, errors, busy }: { initial: PricingFormView; currency: string; errors: Record<string, string>; busy: boolean }) {
  const t = useT("settings");
  const [form, setForm] = useState(initial);
  const set = (key: keyof PricingFormView) => (value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save-pricing" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("pricing.title")}</Text>
          <Text as="p" tone="subdued">{t("pricing.formula", { currency })}</Text>
          <FormLayout>
            <FormLayout.Group>
              <TextField label={t("pricing.multiplier")} name="multiplier" value={form.multiplier} onChange={set("multiplier")} autoComplete="off" error={errors.multiplier} />
              <TextField label={t("pricing.fixedAdd", { currency })} name="fixedAdd" value={form.fixedAdd} onChange={set("fixedAdd")} autoComplete="off" error={errors.fixedAdd} />
            </FormLayout.Group>
            <TextField label={t("pricing.tiers")} name="tiers" value={form.tiers} onChange={set("tiers")} multiline={3} autoComplete="off" error={errors.tiers}
              helpText={t("pricing.tiersHelp", { currency })} />
            <FormLayout.Group>
              <Select label={t("pricing.rounding")} name="ending" options={ENDINGS.map((value) => ({ value, label: t(`pricing.endings.${value}`) }))} value={form.ending} onChange={set("ending")} />
              <TextField label={t("pricing.compareAt")} name="compareAtMultiplier" value={form.compareAtMultiplier} onChange={set("compareAtMultiplier")}
                autoComplete="off" error={errors.compareAtMultiplier} helpText={t("pricing.compareAtHelp")} />
            </FormLayout.Group>
            <Checkbox label={t("pricing.includeShipping")} name="includeShipping" checked={form.includeShipping} onChange={set("includeShipping")} />
            <input type="hidden" name="includeShipping" value={form.includeShipping ? "on" : "off"} />
            <Checkbox label={t("pricing.includeDuties")} name="includeDuties" checked={form.includeDuties} onChange={set("includeDuties")}
              helpText={t("pricing.includeDutiesHelp")} />
            <input type="hidden" name="includeDuties" value={form.includeDuties ? "on" : "off"} />
          </FormLayout>
          <Button submit variant="primary" loading={busy}>{t("pricing.save")}</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}

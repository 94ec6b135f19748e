import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

export interface PricingFormView {
  multiplier: string;
  fixedAdd: string;
  tiers: string;
  ending: string;
  compareAtMultiplier: string;
  includeShipping: boolean;
  includeDuties: boolean;
}

const ENDINGS = [
  { label: "No rounding", value: "none" },
  { label: "Charm .99 (¥x99 for yen)", value: "99" },
  { label: "Charm .95", value: "95" },
  { label: "Whole amount (hundreds for yen)", value: "whole" },
];

export function PricingRulesForm({ initial, currency, errors, busy }: { initial: PricingFormView; currency: string; errors: Record<string, string>; busy: boolean }) {
  const [form, setForm] = useState(initial);
  const set = (key: keyof PricingFormView) => (value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save-pricing" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">Pricing rules</Text>
          <Text as="p" tone="subdued">Price = supplier cost in {currency} × multiplier + fixed add, rounded once with the ending you pick.</Text>
          <FormLayout>
            <FormLayout.Group>
              <TextField label="Multiplier" name="multiplier" value={form.multiplier} onChange={set("multiplier")} autoComplete="off" error={errors.multiplier} />
              <TextField label={`Fixed add (${currency})`} name="fixedAdd" value={form.fixedAdd} onChange={set("fixedAdd")} autoComplete="off" error={errors.fixedAdd} />
            </FormLayout.Group>
            <TextField label="Cost bands (optional)" name="tiers" value={form.tiers} onChange={set("tiers")} multiline={3} autoComplete="off" error={errors.tiers}
              helpText={`One per line: cost up to (${currency}), multiplier, fixed add. Use * for "and above", e.g. "10.00, 3, 0.50" then "*, 1.8, 0".`} />
            <FormLayout.Group>
              <Select label="Rounding" name="ending" options={ENDINGS} value={form.ending} onChange={set("ending")} />
              <TextField label="Compare-at multiplier" name="compareAtMultiplier" value={form.compareAtMultiplier} onChange={set("compareAtMultiplier")}
                autoComplete="off" error={errors.compareAtMultiplier} helpText="Blank for no compare-at price; 1.4 shows a price 40 % higher as struck through." />
            </FormLayout.Group>
            <Checkbox label="Include the estimated shipping in the marked-up cost" name="includeShipping" checked={form.includeShipping} onChange={set("includeShipping")} />
            <input type="hidden" name="includeShipping" value={form.includeShipping ? "on" : "off"} />
            <Checkbox label="Price from landed cost: add the estimated duty and import fees for your main market" name="includeDuties" checked={form.includeDuties} onChange={set("includeDuties")}
              helpText="Duties then live in your product prices: use a DDU service, or a DDP service with duties turned off, so buyers are not charged twice." />
            <input type="hidden" name="includeDuties" value={form.includeDuties ? "on" : "off"} />
          </FormLayout>
          <Button submit variant="primary" loading={busy}>Save pricing rules</Button>
        </BlockStack>
      </Form>
    </Card>
  );
}

import { Banner, BlockStack, Button, Card, Checkbox, InlineStack, Text, TextField } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";
import type { DeliveryRulesPage } from "../../server/extensions/delivery-rules/rules-page.server";

const FLAG_LABELS: Record<string, string> = { battery: "batteries", liquid: "liquids", powder: "powders", magnet: "magnets", cosmetic: "cosmetics" };

type Props = Pick<DeliveryRulesPage, "services" | "flags" | "rules" | "customization"> & { busy: boolean };

/** Per service: hide for PO boxes, hide for restricted items, the title at checkout; and "fastest first". */
export function DeliveryRulesForm({ services, flags, rules, customization, busy }: Props) {
  const [poBox, setPoBox] = useState(new Set(rules.hideForPoBox));
  const [hidden, setHidden] = useState(new Set(rules.hideForFlags.flatMap((r) => r.codes.flatMap((code) => r.flags.map((f) => `${f}:${code}`)))));
  const [titles, setTitles] = useState(Object.fromEntries(rules.rename.map((r) => [r.code, r.title])));
  const [fastest, setFastest] = useState(rules.leadWithFastest);
  const toggle = (set: Set<string>, key: string, on: boolean) => { const next = new Set(set); if (on) next.add(key); else next.delete(key); return next; };
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="save" />
      <BlockStack gap="400">
        {customization !== "on" ? (
          <Banner tone="warning">Turn on Silkroute's checkout customization (Shipping → Backup rates at checkout) first: the rules run inside it.</Banner>
        ) : null}
        {services.map((service) => (
          <Card key={service.code}>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">{service.name} <Text as="span" tone="subdued">({service.code})</Text></Text>
              <TextField label="Title at checkout" name={`rename:${service.code}`} value={titles[service.code] ?? ""} placeholder={service.name} autoComplete="off"
                onChange={(value) => setTitles({ ...titles, [service.code]: value })} helpText="Empty keeps the rate card's name." />
              <Checkbox label="Hide for PO box addresses" checked={poBox.has(service.code)} onChange={(on) => setPoBox(toggle(poBox, service.code, on))} />
              {poBox.has(service.code) ? <input type="hidden" name="poBox" value={service.code} /> : null}
              <InlineStack gap="400">
                {flags.map((flag) => {
                  const key = `${flag}:${service.code}`;
                  return (
                    <span key={flag}>
                      <Checkbox label={`Hide when the cart has ${FLAG_LABELS[flag] ?? flag}`} checked={hidden.has(key)} onChange={(on) => setHidden(toggle(hidden, key, on))} />
                      {hidden.has(key) ? <input type="hidden" name={`flag:${flag}`} value={service.code} /> : null}
                    </span>
                  );
                })}
              </InlineStack>
            </BlockStack>
          </Card>
        ))}
        <Card>
          <Checkbox label="Lead with the fastest option" helpText="Orders Silkroute's options fastest first (handling plus transit from the rate cards); every offered Silkroute option is in stock."
            checked={fastest} onChange={setFastest} />
          {fastest ? <input type="hidden" name="leadWithFastest" value="on" /> : null}
        </Card>
        <InlineStack><Button submit variant="primary" loading={busy} disabled={customization === "missing"}>Save rules</Button></InlineStack>
      </BlockStack>
    </Form>
  );
}

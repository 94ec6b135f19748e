import { Banner, BlockStack, Button, Card, Checkbox, InlineStack, Text, TextField } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";
import type { DeliveryRulesPage } from "../../server/extensions/delivery-rules/rules-page.server";
import { useT } from "../../i18n/react";

type Props = Pick<DeliveryRulesPage, "services" | "flags" | "rules" | "customization"> & { busy: boolean };

/** Per service: hide for PO boxes, hide for restricted items, the title at checkout; and "fastest first". */
export function DeliveryRulesForm({ services, flags, rules, customization, busy }: Props) {
  const [poBox, setPoBox] = useState(new Set(rules.hideForPoBox));
  const [hidden, setHidden] = useState(new Set(rules.hideForFlags.flatMap((r) => r.codes.flatMap((code) => r.flags.map((f) => `${f}:${code}`)))));
  const [titles, setTitles] = useState(Object.fromEntries(rules.rename.map((r) => [r.code, r.title])));
  const [fastest, setFastest] = useState(rules.leadWithFastest);
  const t = useT("rules");
  const toggle = (set: Set<string>, key: string, on: boolean) => { const next = new Set(set); if (on) next.add(key); else next.delete(key); return next; };
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="save" />
      <BlockStack gap="400">
        {customization !== "on" ? (
          <Banner tone="warning">{t("delivery.turnOnFirst")}</Banner>
        ) : null}
        {services.map((service) => (
          <Card key={service.code}>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd"><span translate="no">{service.name}</span> <Text as="span" tone="subdued">({service.code})</Text></Text>
              <TextField label={t("delivery.titleAtCheckout")} name={`rename:${service.code}`} value={titles[service.code] ?? ""} placeholder={service.name} autoComplete="off"
                onChange={(value) => setTitles({ ...titles, [service.code]: value })} helpText={t("delivery.titleHelp")} />
              <Checkbox label={t("delivery.hidePoBox")} checked={poBox.has(service.code)} onChange={(on) => setPoBox(toggle(poBox, service.code, on))} />
              {poBox.has(service.code) ? <input type="hidden" name="poBox" value={service.code} /> : null}
              <InlineStack gap="400">
                {flags.map((flag) => {
                  const key = `${flag}:${service.code}`;
                  return (
                    <span key={flag}>
                      <Checkbox label={t("delivery.hideForFlag", { flag: t(`delivery.flags.${flag}`, { defaultValue: flag }) })} checked={hidden.has(key)} onChange={(on) => setHidden(toggle(hidden, key, on))} />
                      {hidden.has(key) ? <input type="hidden" name={`flag:${flag}`} value={service.code} /> : null}
                    </span>
                  );
                })}
              </InlineStack>
            </BlockStack>
          </Card>
        ))}
        <Card>
          <Checkbox label={t("delivery.fastest")} helpText={t("delivery.fastestHelp")}
            checked={fastest} onChange={setFastest} />
          {fastest ? <input type="hidden" name="leadWithFastest" value="on" /> : null}
        </Card>
        <InlineStack><Button submit variant="primary" loading={busy} disabled={customization === "missing"}>{t("delivery.save")}</Button></InlineStack>
      </BlockStack>
    </Form>
  );
}

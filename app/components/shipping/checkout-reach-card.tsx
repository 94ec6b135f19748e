import { Badge, Banner, BlockStack, Button, Card, Checkbox, InlineStack, List, Text } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";
import type { TFunction } from "i18next";
import { useFormat, useT } from "../../i18n/react";
import type { Message } from "../../i18n/message";

export interface CheckoutReachCardView {
  wanted: boolean;
  mode: "app-profile" | "merchant-zones";
  status: "off" | "pending" | "ready" | "failed" | "unavailable";
  message: Message | null;
  served: { countries: string[]; restOfWorld: boolean };
  coverage: {
    offered: Array<{ profileName: string; zoneName: string; countries: string[]; restOfWorld: boolean; coversAllItems: boolean }>;
    uncovered: string[];
    restOfWorldCovered: boolean;
    overridesGeneral: boolean;
  } | null;
  merchantZones: Array<{ zoneId: string; profileName: string; zoneName: string; countries: string[]; restOfWorld: boolean; picked: boolean }>;
  locationsMissing: number;
}

const TONES = { ready: "success", pending: "attention", failed: "critical", unavailable: "critical", off: undefined } as const;
const places = (t: TFunction, fmt: { list(items: string[]): string; country(code: string): string }, countries: string[], restOfWorld: boolean) =>
  (countries.length || restOfWorld ? fmt.list([...countries.map((c) => fmt.country(c)), ...(restOfWorld ? [t("reach.everyOtherCountry")] : [])]) : t("reach.noCountries"));

/**
 * Where checkout offers Silkroute's rates. From Shopify API 2026-10 a carrier service is in no shipping profile by
 * itself, so this card shows the zones that carry Silkroute's rates and warns about served countries none covers.
 */
export function CheckoutReachCard({ view, busy }: { view: CheckoutReachCardView; busy: boolean }) {
  const [picked, setPicked] = useState(() => new Set(view.merchantZones.filter((z) => z.picked).map((z) => z.zoneId)));
  const coverage = view.coverage;
  const t = useT("shipping");
  const fmt = useFormat();
  const where = (countries: string[], restOfWorld: boolean) => places(t, fmt, countries, restOfWorld);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">{t("reach.title")}</Text>
          <Badge tone={TONES[view.status]}>{t(`reach.status.${view.status}`)}</Badge>
        </InlineStack>
        {!view.wanted ? <Text as="p" tone="subdued">{t("reach.off")}</Text> : null}
        {view.message ? <Banner tone={view.status === "failed" || view.status === "unavailable" ? "critical" : "info"}>{t(view.message.key, view.message.values)}</Banner> : null}
        {coverage ? (
          <BlockStack gap="200">
            {coverage.offered.length ? (
              <List>
                {coverage.offered.map((o) => (
                  <List.Item key={`${o.profileName}/${o.zoneName}`}>
                    <span data-testid="reach-offered">{t(o.coversAllItems ? "reach.offeredAll" : "reach.offered", { profile: o.profileName, zone: o.zoneName, places: where(o.countries, o.restOfWorld) })}</span>
                  </List.Item>
                ))}
              </List>
            ) : <Text as="p" tone="subdued">{t("reach.noneOffered")}</Text>}
            {view.wanted && coverage.uncovered.length ? (
              <Banner tone="warning" title={t("reach.uncovered.title")}>
                <Text as="p">{t("reach.uncovered.bodyBefore")}<span data-testid="reach-uncovered">{coverage.uncovered.join(", ")}</span>{t("reach.uncovered.bodyAfter")}</Text>
              </Banner>
            ) : null}
            {view.locationsMissing > 0 ? (
              <Banner tone="warning" title={t("reach.locationsMissing.title")}>
                <Text as="p">{t("reach.locationsMissing.body", { count: view.locationsMissing })}</Text>
              </Banner>
            ) : null}
            {coverage.overridesGeneral && !coverage.restOfWorldCovered ? (
              <Banner tone="warning" title={t("reach.noOtherShipping.title")}>
                <Text as="p">{t("reach.noOtherShipping.body", { places: where(view.served.countries, false) })}</Text>
              </Banner>
            ) : null}
            {coverage.overridesGeneral && coverage.restOfWorldCovered ? (
              <Text as="p" tone="subdued">{t("reach.replacesGeneral")}</Text>
            ) : null}
          </BlockStack>
        ) : null}
        {view.wanted ? (
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">{t("reach.how")}</Text>
            <InlineStack gap="200">
              <Form method="post">
                <input type="hidden" name="intent" value="reach-app-profile" />
                <Button submit disabled={busy || view.mode === "app-profile"}>{t("reach.useAppProfile")}</Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="reach-sync" />
                <Button submit disabled={busy}>{t("reach.syncZones")}</Button>
              </Form>
            </InlineStack>
            {view.merchantZones.length ? (
              <Form method="post">
                <input type="hidden" name="intent" value="reach-merchant-zones" />
                <BlockStack gap="100">
                  <Text as="p">{t("reach.orMerchantZones")}</Text>
                  {view.merchantZones.map((z) => (
                    <Checkbox key={z.zoneId} label={t("reach.zoneOption", { profile: z.profileName, zone: z.zoneName, places: where(z.countries, z.restOfWorld) })}
                      checked={picked.has(z.zoneId)} onChange={(on) => setPicked((prev) => { const next = new Set(prev); if (on) next.add(z.zoneId); else next.delete(z.zoneId); return next; })} />
                  ))}
                  {[...picked].map((id) => <input key={id} type="hidden" name="zone" value={id} />)}{/* the picks travel as hidden fields: Polaris checkboxes are controlled */}
                  <InlineStack><Button submit disabled={busy || picked.size === 0}>{t("reach.offerPicked")}</Button></InlineStack>
                </BlockStack>
              </Form>
            ) : null}
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

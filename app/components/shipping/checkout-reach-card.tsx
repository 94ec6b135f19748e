import { Badge, Banner, BlockStack, Button, Card, Checkbox, InlineStack, List, Text } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";

export interface CheckoutReachCardView {
  wanted: boolean;
  mode: "app-profile" | "merchant-zones";
  status: "off" | "pending" | "ready" | "failed" | "unavailable";
  message: string | null;
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
const places = (countries: string[], restOfWorld: boolean) => [...countries, ...(restOfWorld ? ["every other country"] : [])].join(", ") || "no countries";

/**
 * Where checkout offers Silkroute's rates. From Shopify API 2026-10 a carrier service is in no shipping profile by
 * itself, so this card shows the zones that carry Silkroute's rates and warns about served countries none covers.
 */
export function CheckoutReachCard({ view, busy }: { view: CheckoutReachCardView; busy: boolean }) {
  const [picked, setPicked] = useState(() => new Set(view.merchantZones.filter((z) => z.picked).map((z) => z.zoneId)));
  const coverage = view.coverage;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">Where checkout offers Silkroute's rates</Text>
          <Badge tone={TONES[view.status]}>{view.status}</Badge>
        </InlineStack>
        {!view.wanted ? <Text as="p" tone="subdued">Checkout rates are off. Turning them on registers the carrier service and adds Silkroute's rates to a shipping profile.</Text> : null}
        {view.message ? <Banner tone={view.status === "failed" || view.status === "unavailable" ? "critical" : "info"}>{view.message}</Banner> : null}
        {coverage ? (
          <BlockStack gap="200">
            {coverage.offered.length ? (
              <List>
                {coverage.offered.map((o) => (
                  <List.Item key={`${o.profileName}/${o.zoneName}`}>
                    <span data-testid="reach-offered">{o.profileName} → {o.zoneName}: {places(o.countries, o.restOfWorld)}{o.coversAllItems ? " (all products)" : ""}</span>
                  </List.Item>
                ))}
              </List>
            ) : <Text as="p" tone="subdued">No shipping zone offers Silkroute's rates yet.</Text>}
            {view.wanted && coverage.uncovered.length ? (
              <Banner tone="warning" title="Some destinations your rate cards serve get no Silkroute rate at checkout">
                <Text as="p"><span data-testid="reach-uncovered">{coverage.uncovered.join(", ")}</span>: no shipping zone with Silkroute's rates covers them.</Text>
              </Banner>
            ) : null}
            {view.locationsMissing > 0 ? (
              <Banner tone="warning" title="New locations are not in Silkroute's profile">
                <Text as="p">{view.locationsMissing} location(s) were added after checkout rates were turned on; products stocked there get no Silkroute rate until you sync zones.</Text>
              </Banner>
            ) : null}
            {coverage.overridesGeneral && !coverage.restOfWorldCovered ? (
              <Banner tone="warning" title="Other destinations have no shipping">
                <Text as="p">Silkroute's profile covers all products, so your own General profile rates no longer apply. Buyers outside {places(view.served.countries, false)} see no shipping option.</Text>
              </Banner>
            ) : null}
            {coverage.overridesGeneral && coverage.restOfWorldCovered ? (
              <Text as="p" tone="subdued">Silkroute's profile covers all products, so Silkroute's rates replace your General profile's rates. To keep your own rates beside Silkroute's, add Silkroute to zones you pick instead.</Text>
            ) : null}
          </BlockStack>
        ) : null}
        {view.wanted ? (
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">How rates are offered</Text>
            <InlineStack gap="200">
              <Form method="post">
                <input type="hidden" name="intent" value="reach-app-profile" />
                <Button submit disabled={busy || view.mode === "app-profile"}>Use Silkroute's own profile (all products)</Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="reach-sync" />
                <Button submit disabled={busy}>Sync zones now</Button>
              </Form>
            </InlineStack>
            {view.merchantZones.length ? (
              <Form method="post">
                <input type="hidden" name="intent" value="reach-merchant-zones" />
                <BlockStack gap="100">
                  <Text as="p">Or add Silkroute's rates to zones in your own profiles (your rates stay):</Text>
                  {view.merchantZones.map((z) => (
                    <Checkbox key={z.zoneId} label={`${z.profileName} → ${z.zoneName} (${places(z.countries, z.restOfWorld)})`}
                      checked={picked.has(z.zoneId)} onChange={(on) => setPicked((prev) => { const next = new Set(prev); if (on) next.add(z.zoneId); else next.delete(z.zoneId); return next; })} />
                  ))}
                  {[...picked].map((id) => <input key={id} type="hidden" name="zone" value={id} />)}{/* the picks travel as hidden fields: Polaris checkboxes are controlled */}
                  <InlineStack><Button submit disabled={busy || picked.size === 0}>Offer in the zones I picked</Button></InlineStack>
                </BlockStack>
              </Form>
            ) : null}
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

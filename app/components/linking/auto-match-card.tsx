import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, Checkbox, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { FulfilViaChoice } from "./fulfil-via-choice";
import { supplierName } from "../../i18n/partners";
import { useFormat, useT } from "../../i18n/react";

export interface ProposalView {
  variantGid: string; productTitle: string; variantTitle: string; sku: string | null; supplier: string; supplierProductId: string;
  supplierVariantId: string; supplierSku: string; supplierTitle: string; confidence: number; by: string;
}

const keyOf = (p: ProposalView) => [p.variantGid, p.supplier, p.supplierProductId, p.supplierVariantId].join("|");

/** Auto-match across every connected supplier, then a review: nothing is linked until the merchant accepts. */
export function AutoMatchCard({ proposals, suppliers, busy }: { proposals: ProposalView[] | null; suppliers: string[]; busy: boolean }) {
  const t = useT("linking");
  const fmt = useFormat();
  const [picked, setPicked] = useState<Set<string>>(() => new Set((proposals ?? []).filter((p) => p.confidence >= 90).map(keyOf)));
  const [via, setVia] = useState("silkroute_location");
  const toggle = (k: string, on: boolean) => setPicked((s) => { const n = new Set(s); if (on) n.add(k); else n.delete(k); return n; });
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("autoMatch.title")}</Text>
        <Text as="p" tone="subdued">{t("autoMatch.help", { suppliers: suppliers.length ? fmt.list(suppliers.map((s) => supplierName(t, s))) : t("autoMatch.yourSuppliers") })}</Text>
        <Form method="post"><input type="hidden" name="intent" value="propose" /><Button submit loading={busy}>{t("autoMatch.find")}</Button></Form>
        {proposals ? (
          proposals.length === 0 ? <Text as="p">{t("autoMatch.none")}</Text> : (
            <Form method="post">
              <input type="hidden" name="intent" value="accept-proposals" />
              {[...picked].map((k) => <input key={k} type="hidden" name="proposal" value={k} />)}
              <BlockStack gap="200">
                {proposals.map((p) => (
                  <InlineStack key={keyOf(p)} gap="200" blockAlign="center">
                    <Checkbox label={`${p.productTitle} – ${p.variantTitle}${p.sku ? ` (${p.sku})` : ""} → ${supplierName(t, p.supplier)} ${p.supplierSku}: ${p.supplierTitle}`}
                      checked={picked.has(keyOf(p))} onChange={(on) => toggle(keyOf(p), on)} />
                    <Badge tone={p.confidence >= 90 ? "success" : p.confidence >= 60 ? "attention" : "warning"}>{t("autoMatch.confidence", { confidence: p.confidence, by: p.by })}</Badge>
                  </InlineStack>
                ))}
                <FulfilViaChoice value={via} onChange={setVia} />
                <InlineStack><Button submit variant="primary" loading={busy} disabled={picked.size === 0}>{t("autoMatch.link", { count: picked.size })}</Button></InlineStack>
              </BlockStack>
            </Form>
          )
        ) : null}
      </BlockStack>
    </Card>
  );
}

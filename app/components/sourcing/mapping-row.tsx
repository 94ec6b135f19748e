import { Form, Link } from "@remix-run/react";
import { Badge, BlockStack, Button, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { VariantFreshness, type VariantSyncView } from "./sync-freshness";
import { useT } from "../../i18n/react";
import { supplierName } from "../../i18n/partners";

export interface MappingVariantView {
  id: string; title: string; sku: string; barcode: string;
  price?: string;
  mapping: { supplier: string; productId: string; sku: string; source: string; backup: string | null; syncError: string | null; fulfilVia?: string | null } | null;
  sync?: VariantSyncView | null;
}

function LinkForm({ intent, variantGid, label, busy, suppliers }: { intent: string; variantGid: string; label: string; busy: boolean; suppliers: string[] }) {
  const t = useT("mappings");
  const [supplier, setSupplier] = useState(suppliers[0] ?? "sandbox");
  const [productId, setProductId] = useState("");
  const [variantId, setVariantId] = useState("");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="variantGid" value={variantGid} />
      <InlineStack gap="200" blockAlign="end">
        <Select label={t("row.supplier")} name="supplier" options={suppliers.map((x) => ({ label: supplierName(t, x), value: x }))} value={supplier} onChange={setSupplier} />
        <TextField label={t("row.supplierProductId")} name="supplierProductId" value={productId} onChange={setProductId} autoComplete="off" />
        <TextField label={t("row.supplierVariantId")} name="supplierVariantId" value={variantId} onChange={setVariantId} autoComplete="off" />
        <Button submit loading={busy}>{label}</Button>
      </InlineStack>
    </Form>
  );
}

export function MappingRow({ variant, busy, suppliers = ["sandbox"], findHref }: { variant: MappingVariantView; busy: boolean; suppliers?: string[]; findHref?: string }) {
  const t = useT("mappings");
  const m = variant.mapping;
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <span translate="no"><Text as="span" fontWeight="semibold">{variant.title}</Text></span>
        <Text as="span" tone="subdued">{t("row.skuBarcode", { sku: variant.sku || "–", barcode: variant.barcode || "–" })}</Text>
        {m ? <Badge tone="success">{t("row.mapped", { supplier: supplierName(t, m.supplier), sku: m.sku, source: t(`row.source.${m.source}`, { defaultValue: m.source }) })}</Badge> : <Badge tone="attention">{t("row.notMapped")}</Badge>}
        {m?.fulfilVia ? <Badge tone="info">{t(m.fulfilVia === "merchant_location" ? "row.stockedAtYours" : "row.stockedAtSilkroute")}</Badge> : null}
        {m?.backup ? <Badge tone="info">{t("row.backup", { backup: m.backup })}</Badge> : null}
        {findHref ? <Link to={findHref}>{t(m ? "row.findAnother" : "row.find")}</Link> : null}
        {m?.syncError ? <Badge tone="critical">{m.syncError}</Badge> : null}
      </InlineStack>
      {m && variant.sync ? <VariantFreshness sync={variant.sync} variantGid={variant.id} /> : null}
      <LinkForm intent="link" variantGid={variant.id} label={m ? t("row.change") : t("row.linkById")} busy={busy} suppliers={suppliers} />
      {m ? <LinkForm intent="backup" variantGid={variant.id} label={t("row.setBackup")} busy={busy} suppliers={suppliers} /> : null}
      {m ? (
        <Form method="post">
          <input type="hidden" name="intent" value="unlink" />
          <input type="hidden" name="variantGid" value={variant.id} />
          <Button submit variant="plain" tone="critical">{t("row.unlink")}</Button>
        </Form>
      ) : null}
    </BlockStack>
  );
}

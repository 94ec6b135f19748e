import { Form, Link } from "@remix-run/react";
import { Badge, BlockStack, Button, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { VariantFreshness, type VariantSyncView } from "./sync-freshness";

export interface MappingVariantView {
  id: string; title: string; sku: string; barcode: string;
  price?: string;
  mapping: { supplier: string; productId: string; sku: string; source: string; backup: string | null; syncError: string | null; fulfilVia?: string | null } | null;
  sync?: VariantSyncView | null;
}

function LinkForm({ intent, variantGid, label, busy, suppliers }: { intent: string; variantGid: string; label: string; busy: boolean; suppliers: string[] }) {
  const [supplier, setSupplier] = useState(suppliers[0] ?? "sandbox");
  const [productId, setProductId] = useState("");
  const [variantId, setVariantId] = useState("");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="variantGid" value={variantGid} />
      <InlineStack gap="200" blockAlign="end">
        <Select label="Supplier" name="supplier" options={suppliers.map((x) => ({ label: x, value: x }))} value={supplier} onChange={setSupplier} />
        <TextField label="Supplier product id" name="supplierProductId" value={productId} onChange={setProductId} autoComplete="off" />
        <TextField label="Supplier variant id" name="supplierVariantId" value={variantId} onChange={setVariantId} autoComplete="off" />
        <Button submit loading={busy}>{label}</Button>
      </InlineStack>
    </Form>
  );
}

export function MappingRow({ variant, busy, suppliers = ["sandbox"], findHref }: { variant: MappingVariantView; busy: boolean; suppliers?: string[]; findHref?: string }) {
  const m = variant.mapping;
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <Text as="span" fontWeight="semibold">{variant.title}</Text>
        <Text as="span" tone="subdued">SKU {variant.sku || "–"} · barcode {variant.barcode || "–"}</Text>
        {m ? <Badge tone="success">{`${m.supplier} ${m.sku} (${m.source})`}</Badge> : <Badge tone="attention">Not mapped</Badge>}
        {m?.fulfilVia ? <Badge tone="info">{m.fulfilVia === "merchant_location" ? "Stocked at your location" : "Stocked at Silkroute"}</Badge> : null}
        {m?.backup ? <Badge tone="info">{`Backup ${m.backup}`}</Badge> : null}
        {findHref ? <Link to={findHref}>{m ? "Find another supplier SKU" : "Find at a supplier"}</Link> : null}
        {m?.syncError ? <Badge tone="critical">{m.syncError}</Badge> : null}
      </InlineStack>
      {m && variant.sync ? <VariantFreshness sync={variant.sync} variantGid={variant.id} /> : null}
      <LinkForm intent="link" variantGid={variant.id} label={m ? "Change supplier SKU" : "Link by id"} busy={busy} suppliers={suppliers} />
      {m ? <LinkForm intent="backup" variantGid={variant.id} label="Set backup supplier" busy={busy} suppliers={suppliers} /> : null}
      {m ? (
        <Form method="post">
          <input type="hidden" name="intent" value="unlink" />
          <input type="hidden" name="variantGid" value={variant.id} />
          <Button submit variant="plain" tone="critical">Unlink (stock returns to you)</Button>
        </Form>
      ) : null}
    </BlockStack>
  );
}

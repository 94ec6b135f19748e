import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { VariantFreshness, type VariantSyncView } from "./sync-freshness";

export interface MappingVariantView {
  id: string; title: string; sku: string; barcode: string;
  mapping: { supplier: string; productId: string; sku: string; source: string; backup: string | null; syncError: string | null } | null;
  sync?: VariantSyncView | null;
}

function LinkForm({ intent, variantGid, label, busy }: { intent: string; variantGid: string; label: string; busy: boolean }) {
  const [productId, setProductId] = useState("");
  const [variantId, setVariantId] = useState("");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="variantGid" value={variantGid} />
      <InlineStack gap="200" blockAlign="end">
        <TextField label="Supplier product id" name="supplierProductId" value={productId} onChange={setProductId} autoComplete="off" />
        <TextField label="Supplier variant id" name="supplierVariantId" value={variantId} onChange={setVariantId} autoComplete="off" />
        <Button submit loading={busy}>{label}</Button>
      </InlineStack>
    </Form>
  );
}

export function MappingRow({ variant, busy }: { variant: MappingVariantView; busy: boolean }) {
  const m = variant.mapping;
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <Text as="span" fontWeight="semibold">{variant.title}</Text>
        <Text as="span" tone="subdued">SKU {variant.sku || "–"} · barcode {variant.barcode || "–"}</Text>
        {m ? <Badge tone="success">{`${m.supplier} ${m.sku} (${m.source})`}</Badge> : <Badge tone="attention">Not mapped</Badge>}
        {m?.backup ? <Badge tone="info">{`Backup ${m.backup}`}</Badge> : null}
        {m?.syncError ? <Badge tone="critical">{m.syncError}</Badge> : null}
      </InlineStack>
      {m && variant.sync ? <VariantFreshness sync={variant.sync} variantGid={variant.id} /> : null}
      <LinkForm intent="link" variantGid={variant.id} label={m ? "Change supplier SKU" : "Link"} busy={busy} />
      {m ? <LinkForm intent="backup" variantGid={variant.id} label="Set backup supplier" busy={busy} /> : null}
      {m ? (
        <Form method="post">
          <input type="hidden" name="intent" value="unlink" />
          <input type="hidden" name="variantGid" value={variant.id} />
          <Button submit variant="plain" tone="critical">Remove mapping</Button>
        </Form>
      ) : null}
    </BlockStack>
  );
}

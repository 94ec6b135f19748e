import { Form } from "@remix-run/react";
import { Badge, Button, InlineStack, Text } from "@shopify/polaris";

export interface VariantSyncView {
  lastSyncedAt: string | null; lastChangedAt: string | null; supplierState: string; priceLock: string | null; stockLock: string | null;
}

export interface ProductSyncView { lastSyncedAt: string | null; lastChangedAt: string | null; status: string | null; draftedBy: string | null }

const ago = (iso: string | null) => {
  if (!iso) return "never";
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
  return minutes < 1 ? "just now" : minutes < 120 ? `${minutes} min ago` : new Date(iso).toLocaleString();
};

function LockBadge({ field, lock, variantGid }: { field: "price" | "stock"; lock: string | null; variantGid: string }) {
  if (!lock) return null;
  const why = lock === "shopify_edit" ? `${field === "price" ? "Price" : "Stock"} locked because you edited it in Shopify` : `${field === "price" ? "Price" : "Stock"} locked`;
  return (
    <InlineStack gap="100" blockAlign="center">
      <Badge tone="warning">{why}</Badge>
      <Form method="post">
        <input type="hidden" name="intent" value="unlock" /><input type="hidden" name="field" value={field} /><input type="hidden" name="variantGid" value={variantGid} />
        <Button submit variant="plain">Unlock</Button>
      </Form>
    </InlineStack>
  );
}

/** Per variant: when the supplier was last read and when we last changed the store, supplier trouble, locks. */
export function VariantFreshness({ sync, variantGid }: { sync: VariantSyncView; variantGid: string }) {
  return (
    <InlineStack gap="200" blockAlign="center">
      <Text as="span" tone="subdued">{`Last synced ${ago(sync.lastSyncedAt)} · last changed ${ago(sync.lastChangedAt)}`}</Text>
      {sync.supplierState === "unknown" ? <Badge tone="critical">Supplier could not be read: stock unknown, nothing changed</Badge> : null}
      {sync.supplierState === "discontinued" ? <Badge tone="critical">Discontinued at the supplier</Badge> : null}
      <LockBadge field="price" lock={sync.priceLock} variantGid={variantGid} />
      <LockBadge field="stock" lock={sync.stockLock} variantGid={variantGid} />
    </InlineStack>
  );
}

/** Per product: freshness, "Sync now" and the price / stock locks. */
export function ProductSyncBar({ productGid, sync, busy }: { productGid: string; sync: ProductSyncView | null; busy: boolean }) {
  const field = (intent: "lock" | "unlock", name: "price" | "stock", label: string) => (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} /><input type="hidden" name="field" value={name} /><input type="hidden" name="productGid" value={productGid} />
      <Button submit size="slim" loading={busy}>{label}</Button>
    </Form>
  );
  return (
    <InlineStack gap="200" blockAlign="center">
      <Text as="span" tone="subdued">{`Last synced ${ago(sync?.lastSyncedAt ?? null)} · last changed ${ago(sync?.lastChangedAt ?? null)}`}</Text>
      {sync?.draftedBy ? <Badge tone="attention">{sync.draftedBy === "discontinued" ? "Drafted: discontinued at the supplier" : "Drafted: out of stock"}</Badge> : null}
      <Form method="post">
        <input type="hidden" name="intent" value="sync-now" /><input type="hidden" name="productGid" value={productGid} />
        <Button submit size="slim" variant="primary" loading={busy}>Sync now</Button>
      </Form>
      {field("lock", "price", "Lock price")}
      {field("lock", "stock", "Lock stock")}
      {field("unlock", "price", "Unlock price")}
      {field("unlock", "stock", "Unlock stock")}
    </InlineStack>
  );
}

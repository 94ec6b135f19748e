import { Form } from "@remix-run/react";
import { Badge, Button, InlineStack, Text } from "@shopify/polaris";
import { useFormat, useT } from "../../i18n/react";

export interface VariantSyncView {
  lastSyncedAt: string | null; lastChangedAt: string | null; supplierState: string; priceLock: string | null; stockLock: string | null;
}

export interface ProductSyncView { lastSyncedAt: string | null; lastChangedAt: string | null; status: string | null; draftedBy: string | null }

/** "3 minutes ago" up to two hours, then the date and time in the shop's zone; "never" without a time. */
function useAgo() {
  const t = useT("mappings");
  const fmt = useFormat();
  return (iso: string | null) => {
    if (!iso) return t("freshness.never");
    const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
    return minutes < 1 ? t("freshness.justNow") : minutes < 120 ? fmt.relative(iso) : fmt.dateTime(iso);
  };
}

/**
 * Relative times are computed against the clock, which moves between the server's render and the browser's
 * hydration ("just now" becomes "1 minute ago"); that difference is expected, so React is told not to treat it
 * as a hydration error (the next render shows the browser's reading).
 */
function Ago({ text }: { text: string }) {
  return <span suppressHydrationWarning>{text}</span>;
}

function LockBadge({ field, lock, variantGid }: { field: "price" | "stock"; lock: string | null; variantGid: string }) {
  const t = useT("mappings");
  if (!lock) return null;
  const why = t(lock === "shopify_edit" ? `freshness.lockedByEdit.${field}` : `freshness.locked.${field}`);
  return (
    <InlineStack gap="100" blockAlign="center">
      <Badge tone="warning">{why}</Badge>
      <Form method="post">
        <input type="hidden" name="intent" value="unlock" /><input type="hidden" name="field" value={field} /><input type="hidden" name="variantGid" value={variantGid} />
        <Button submit variant="plain">{t("freshness.unlock")}</Button>
      </Form>
    </InlineStack>
  );
}

/** Per variant: when the supplier was last read and when we last changed the store, supplier trouble, locks. */
export function VariantFreshness({ sync, variantGid }: { sync: VariantSyncView; variantGid: string }) {
  const t = useT("mappings");
  const ago = useAgo();
  return (
    <InlineStack gap="200" blockAlign="center">
      <Text as="span" tone="subdued"><Ago text={t("freshness.synced", { synced: ago(sync.lastSyncedAt), changed: ago(sync.lastChangedAt) })} /></Text>
      {sync.supplierState === "unknown" ? <Badge tone="critical">{t("freshness.supplierUnknown")}</Badge> : null}
      {sync.supplierState === "discontinued" ? <Badge tone="critical">{t("freshness.discontinued")}</Badge> : null}
      <LockBadge field="price" lock={sync.priceLock} variantGid={variantGid} />
      <LockBadge field="stock" lock={sync.stockLock} variantGid={variantGid} />
    </InlineStack>
  );
}

/** Per product: freshness, "Sync now" and the price / stock locks. */
export function ProductSyncBar({ productGid, sync, busy }: { productGid: string; sync: ProductSyncView | null; busy: boolean }) {
  const t = useT("mappings");
  const ago = useAgo();
  const field = (intent: "lock" | "unlock", name: "price" | "stock", label: string) => (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} /><input type="hidden" name="field" value={name} /><input type="hidden" name="productGid" value={productGid} />
      <Button submit size="slim" loading={busy}>{label}</Button>
    </Form>
  );
  return (
    <InlineStack gap="200" blockAlign="center">
      <Text as="span" tone="subdued"><Ago text={t("freshness.synced", { synced: ago(sync?.lastSyncedAt ?? null), changed: ago(sync?.lastChangedAt ?? null) })} /></Text>
      {sync?.draftedBy ? <Badge tone="attention">{t(sync.draftedBy === "discontinued" ? "freshness.draftedDiscontinued" : "freshness.draftedOutOfStock")}</Badge> : null}
      <Form method="post">
        <input type="hidden" name="intent" value="sync-now" /><input type="hidden" name="productGid" value={productGid} />
        <Button submit size="slim" variant="primary" loading={busy}>{t("freshness.syncNow")}</Button>
      </Form>
      {field("lock", "price", t("freshness.lockPrice"))}
      {field("lock", "stock", t("freshness.lockStock"))}
      {field("unlock", "price", t("freshness.unlockPrice"))}
      {field("unlock", "stock", t("freshness.unlockStock"))}
    </InlineStack>
  );
}

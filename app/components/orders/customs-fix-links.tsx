import { InlineStack, Link } from "@shopify/polaris";
import { useT } from "../../i18n/react";
import type { CustomsFixLink } from "../../server/fulfillment/preflight/customs-hold.server";

/** Links from an order held for EU customs data to the import list pages where it is added. */
export function CustomsFixLinks({ links }: { links: CustomsFixLink[] }) {
  const t = useT("order");
  if (!links.length) return null;
  return (
    <InlineStack gap="300">
      {links.map((l) => (
        <Link key={l.url} url={l.url}>
          {l.kind === "linked"
            ? t("customsLink.linked", { sku: l.sku })
            : t("customsLink.imported", { title: l.title ?? t("customsLink.untitled") })}
        </Link>
      ))}
    </InlineStack>
  );
}

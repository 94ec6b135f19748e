import { InlineStack, Link } from "@shopify/polaris";

/** Links from an order held for EU customs data to the import list pages where it is added. */
export function CustomsFixLinks({ links }: { links: Array<{ title: string; url: string }> }) {
  if (!links.length) return null;
  return (
    <InlineStack gap="300">
      {links.map((l) => <Link key={l.url} url={l.url}>{`Add customs data: ${l.title}`}</Link>)}
    </InlineStack>
  );
}

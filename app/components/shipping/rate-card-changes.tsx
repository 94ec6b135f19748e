import { Badge, BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import type { CardChange } from "../../server/shipping/engine";

const TONE = { added: "success", removed: "critical", changed: "attention" } as const;

/** The review after an upload: what the new version changes against the version it replaces or follows. */
export function RateCardChanges({ comparedWith, changes }: { comparedWith: string; changes: readonly CardChange[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Changes against {comparedWith}</Text>
        {changes.length === 0 ? <Text as="p" tone="subdued">No changes: this version prices exactly like {comparedWith}.</Text> : (
          <DataTable
            columnContentTypes={["text", "text", "text", "text"]}
            headings={["", "What", "Before", "After"]}
            rows={changes.map((c) => [<Badge key="k" tone={TONE[c.kind]}>{c.kind}</Badge>, c.what, c.before ?? "—", c.after ?? "—"])}
          />
        )}
      </BlockStack>
    </Card>
  );
}

import { Badge, BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { useT } from "../../i18n/react";
import type { CardChange } from "../../server/shipping/engine";
import type { Message } from "../../i18n/message";

const TONE = { added: "success", removed: "critical", changed: "attention" } as const;

/** The review after an upload: what the new version changes against the version it replaces or follows. */
export function RateCardChanges({ comparedWith: version, changes }: { comparedWith: Message; changes: readonly CardChange[] }) {
  const t = useT("shipping-tools");
  const comparedWith = t(version.key, version.values);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("rateCards.changes.title", { comparedWith })}</Text>
        {changes.length === 0 ? <Text as="p" tone="subdued">{t("rateCards.changes.none", { comparedWith })}</Text> : (
          <DataTable
            columnContentTypes={["text", "text", "text", "text"]}
            headings={["", t("rateCards.changes.what"), t("rateCards.changes.before"), t("rateCards.changes.after")]}
            rows={changes.map((c) => [<Badge key="k" tone={TONE[c.kind]}>{t(`rateCards.changes.kind.${c.kind}`)}</Badge>, t(c.what.key, c.what.values), c.before ?? "—", c.after ?? "—"])}
          />
        )}
      </BlockStack>
    </Card>
  );
}

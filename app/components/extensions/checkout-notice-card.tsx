import { BlockStack, Card, Text } from "@shopify/polaris";
import { useT } from "../../i18n/react";

/** Where buyers learn origin, delivery window and duties: a checkout notice on Plus, the rate itself elsewhere. */
export function CheckoutNoticeCard({ isPlus }: { isPlus: boolean }) {
  const t = useT("rules");
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">{t("notice.title")}</Text>
        <Text as="p">{t(isPlus ? "notice.plus" : "notice.notPlus")}</Text>
      </BlockStack>
    </Card>
  );
}

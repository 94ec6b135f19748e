import { BlockStack, Card, Text } from "@shopify/polaris";

/** Where buyers learn origin, delivery window and duties: a checkout notice on Plus, the rate itself elsewhere. */
export function CheckoutNoticeCard({ isPlus }: { isPlus: boolean }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">Duties notice at checkout</Text>
        {isPlus ? (
          <Text as="p">
            Your store is on Shopify Plus: add the “Silkroute duties notice” block under the shipping options in the
            checkout editor (Settings → Checkout → Customize). It tells buyers where the parcel ships from, when it
            arrives and whether duties are included, in their language.
          </Text>
        ) : (
          <Text as="p">
            Checkout blocks on the shipping step are for Shopify Plus stores only. Your buyers get the same
            information in each Silkroute rate's name and description (delivery window and duties), and you can
            change a rate's name here.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

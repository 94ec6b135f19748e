import { BlockStack, Text } from "@shopify/polaris";
import type { Message } from "../../i18n/message";
import { translateMessage } from "../../i18n/message-values";
import { useT } from "../../i18n/react";

/** Sentences a service stored about an order (order-text.ts), one paragraph each, in the merchant's language. */
export function OrderMessages({ messages }: { messages: Message[] }) {
  const t = useT("order");
  if (messages.length === 1) return <Text as="p">{translateMessage(t, messages[0]!)}</Text>;
  return <BlockStack gap="100">{messages.map((m, i) => <Text as="p" key={i}>{translateMessage(t, m)}</Text>)}</BlockStack>;
}

// Delivery rules, the Scripts replacement: hide for PO boxes or restricted items, rename, fastest first; saved to
// the Silkroute delivery customization's metafield through the Admin API.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { CheckoutNoticeCard } from "../components/extensions/checkout-notice-card";
import { DeliveryRulesForm } from "../components/extensions/delivery-rules-form";
import { saveDeliveryRules } from "../server/extensions/delivery-rules/delivery-rules.server";
import { deliveryRulesPage, rulesFromForm } from "../server/extensions/delivery-rules/rules-page.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { authenticate } from "../shopify.server";
import { useT } from "../i18n/react";
import { message } from "../i18n/message";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await deliveryRulesPage(session.shop, adminClientForSession(session)));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  // A malformed post, not something the page sends.
  if (form.get("intent") !== "save") return json({ ok: false as const, error: message("messages:unknownAction") }, { status: 400 });
  const result = await saveDeliveryRules(session.shop, adminClientForSession(session), rulesFromForm(form));
  return result.ok ? json({ ok: true as const, error: null }) : json({ ok: false as const, error: result.error }, { status: 422 });
};

export default function DeliveryRules() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT("shipping-tools");
  return (
    <Page title={t("deliveryRules.title")} backAction={{ content: t("deliveryRules.back"), url: "/app/shipping" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.ok ? <Banner tone="success">{t("deliveryRules.saved")}</Banner> : null}
            {result && !result.ok ? <Banner tone="critical">{t(result.error.key, result.error.values)}</Banner> : null}
            <DeliveryRulesForm key={JSON.stringify(page.rules)} services={page.services} flags={page.flags} rules={page.rules} customization={page.customization} busy={busy} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <CheckoutNoticeCard isPlus={page.isPlus} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

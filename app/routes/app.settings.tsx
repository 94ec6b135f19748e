import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { FxRatesCard } from "../components/sourcing/fx-rates-card";
import { PricingRulesForm } from "../components/sourcing/pricing-rules-form";
import { SupplierConnectionCard } from "../components/sourcing/supplier-connections-card";
import { ConnectEmulatedJd } from "../components/consolidation/connect-emulated-jd";
import { SyncSettingsCard } from "../components/sourcing/sync-settings-card";
import { SalesChannelsCard } from "../components/sourcing/sales-channels-card";
import { settingsPageAction, settingsPageData } from "../server/sourcing/settings-page.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { authenticate } from "../shopify.server";
import type { Message } from "../i18n/message";
import { useT } from "../i18n/react";
import { supplierName } from "../i18n/partners";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await settingsPageData(session.shop, session.accessToken ? adminClientForSession(session) : null));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const result = await settingsPageAction(session.shop, form);
  return json(result, { status: result.ok ? 200 : 422 });
};

export default function Settings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT("settings");
  return (
    <Page title={t("title")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.notice ? <Banner tone={result.ok ? "success" : "critical"}>{noticeText(t, result.notice)}</Banner> : null}
            <Text as="h2" variant="headingLg">{t("suppliers")}</Text>
            {data.emulatedJd ? <ConnectEmulatedJd busy={busy} /> : null}
            {data.connections.map((c) => <SupplierConnectionCard key={c.supplier} view={c} busy={busy} emulated={c.supplier === "cj" && data.cjEmulated} />)}
            <PricingRulesForm key={JSON.stringify(data.pricing)} initial={data.pricing} currency={data.currency} errors={result?.errors ?? {}} busy={busy} />
            <FxRatesCard rates={data.rates} busy={busy} />
            <SyncSettingsCard initial={data.sync} busy={busy} />
            <SalesChannelsCard key={data.channels.chosen.join(",")} initial={data.channels} busy={busy} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** Notices name suppliers by code; the page names them in the merchant's language. */
function noticeText(t: ReturnType<typeof useT>, notice: Message): string {
  const supplier = notice.values?.supplier;
  return t(notice.key, supplier === undefined ? notice.values : { ...notice.values, supplier: supplierName(t, String(supplier)) });
}

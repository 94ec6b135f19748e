import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { EXPIRY_WARNING_DAYS, expiringRules } from "../server/shipping/engine";
import { shopOverview } from "../server/dashboard/overview.server";
import { SetupChecklist } from "../components/home/setup-checklist";
import { OrdersSummary } from "../components/home/orders-summary";
import { DeliveryTimes } from "../components/home/delivery-times";
import { SyncAlerts } from "../components/home/sync-alerts";
import { homeSyncAlerts } from "../server/sourcing/sync/sync-alerts.server";
import { UsageCard } from "../components/billing/usage-card";
import { usageView } from "../server/billing/plans-page.server";
import { CheckoutSlaCard } from "../components/home/checkout-sla";
import { MarginThisMonthCard } from "../components/home/margin-this-month";
import { useFormat, useT } from "../i18n/react";
import { ruleLabel } from "../components/shipping/rule-text";

const APP_NAME = "Silkroute"; // the product name, the same in every language

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [overview, syncAlerts, usage] = await Promise.all([shopOverview(session.shop), homeSyncAlerts(session.shop), usageView(session.shop)]);
  return json({ shop: session.shop, overview, syncAlerts, usage, expiringRules: expiringRules(new Date()) });
};

export default function Home() {
  const { shop, overview, syncAlerts, usage, expiringRules: expiring } = useLoaderData<typeof loader>();
  const t = useT("home");
  const fmt = useFormat();
  return (
    <Page title={APP_NAME} subtitle={t("subtitle", { shop })}>
      <BlockStack gap="400">
        {overview.failedJobs > 0 && (
          <Banner tone="warning" title={t("failedJobs.title", { count: overview.failedJobs })} action={{ content: t("failedJobs.action"), url: "/app/jobs" }}>
            {t("failedJobs.body")}
          </Banner>
        )}
        {expiring.length > 0 && (
          <Banner tone="warning" title={t("expiringRules.title", { count: expiring.length, days: EXPIRY_WARNING_DAYS })} action={{ content: t("expiringRules.action"), url: "/app/shipping/duty-rules" }}>
            {t("expiringRules.body", {
              rules: fmt.list(expiring.map((r) => t("expiringRules.rule", { label: ruleLabel(t, r.id, r.label), date: r.effectiveTo ? fmt.date(r.effectiveTo) : "", days: r.daysLeft }))),
            })}
          </Banner>
        )}
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <SetupChecklist steps={overview.setup} />
              <SyncAlerts total={syncAlerts.total} rows={syncAlerts.rows} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <OrdersSummary counts={overview.orders} />
              <MarginThisMonthCard margin={overview.margin} />
              <UsageCard usage={usage} showPlansLink />
              <DeliveryTimes rows={overview.deliveryTimes} />
              <CheckoutSlaCard />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}

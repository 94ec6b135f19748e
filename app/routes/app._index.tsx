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

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [overview, syncAlerts, usage] = await Promise.all([shopOverview(session.shop), homeSyncAlerts(session.shop), usageView(session.shop)]);
  return json({ shop: session.shop, overview, syncAlerts, usage, expiringRules: expiringRules(new Date()) });
};

export default function Home() {
  const { shop, overview, syncAlerts, usage, expiringRules: expiring } = useLoaderData<typeof loader>();
  return (
    <Page title="Silkroute" subtitle={`Welcome, ${shop}. Source from Chinese suppliers, quote cross-border rates, fulfil with tracking.`}>
      <BlockStack gap="400">
        {overview.failedJobs > 0 && (
          <Banner tone="warning" title={`${overview.failedJobs} background jobs failed every retry`} action={{ content: "Review failed jobs", url: "/app/jobs" }}>
            Imports, supplier orders or tracking updates need a look.
          </Banner>
        )}
        {expiring.length > 0 && (
          <Banner tone="warning" title={`${expiring.length} duty or fee rule${expiring.length > 1 ? "s end" : " ends"} within ${EXPIRY_WARNING_DAYS} days`} action={{ content: "Review duty rules", url: "/app/shipping/duty-rules" }}>
            {expiring.map((r) => `${r.label} (ends ${r.effectiveTo?.slice(0, 10)}, ${r.daysLeft} days)`).join("; ")}. Check whether it is extended and update your prices.
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

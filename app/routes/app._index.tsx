import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { shopOverview } from "../server/dashboard/overview.server";
import { SetupChecklist } from "../components/home/setup-checklist";
import { OrdersSummary } from "../components/home/orders-summary";
import { DeliveryTimes } from "../components/home/delivery-times";
import { UsageCard } from "../components/billing/usage-card";
import { usageView } from "../server/billing/plans-page.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [overview, usage] = await Promise.all([shopOverview(session.shop), usageView(session.shop)]);
  return json({ shop: session.shop, overview, usage });
};

export default function Home() {
  const { shop, overview, usage } = useLoaderData<typeof loader>();
  return (
    <Page title="Silkroute" subtitle={`Welcome, ${shop}. Source from Chinese suppliers, quote cross-border rates, fulfil with tracking.`}>
      <BlockStack gap="400">
        {overview.failedJobs > 0 && (
          <Banner tone="warning" title={`${overview.failedJobs} background jobs failed every retry`} action={{ content: "Review failed jobs", url: "/app/jobs" }}>
            Imports, supplier orders or tracking updates need a look.
          </Banner>
        )}
        <Layout>
          <Layout.Section>
            <SetupChecklist steps={overview.setup} />
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <OrdersSummary counts={overview.orders} />
              <UsageCard usage={usage} showPlansLink />
              <DeliveryTimes rows={overview.deliveryTimes} />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}

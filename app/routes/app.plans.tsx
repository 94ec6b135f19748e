import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, InlineGrid, Layout, Page } from "@shopify/polaris";
import { authenticate, config } from "../shopify.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { plansPageData } from "../server/billing/plans-page.server";
import { choosePlan } from "../server/billing/subscribe.server";
import { isPlanKey } from "../server/billing/plans";
import { UsageCard } from "../components/billing/usage-card";
import { PlanOfferCard } from "../components/billing/plan-offer-card";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await plansPageData(adminClientForSession(session)));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, redirect } = await authenticate.admin(request);
  const plan = (await request.formData()).get("plan");
  if (!isPlanKey(plan)) return json({ ok: false, message: "Pick one of the plans." }, { status: 422 });
  // Shopify sends the merchant back here, top-level, after approving; shop + host let the app re-embed.
  const host = new URL(request.url).searchParams.get("host");
  const returnUrl = `${config.SHOPIFY_APP_URL}/app/plans?shop=${encodeURIComponent(session.shop)}${host ? `&host=${encodeURIComponent(host)}` : ""}`;
  const change = await choosePlan(adminClientForSession(session), plan, returnUrl);
  if (change.kind === "confirm") return redirect(change.confirmationUrl, { target: "_top" });
  return json({ ok: true, message: "You're on the Free plan now. Your Shopify app charge is cancelled." });
};

export default function Plans() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <Page title="Plans" subtitle="Billed by Shopify on your store's invoice.">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result ? <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner> : null}
            {data.test ? <Banner tone="info">This is a development store: plan charges are test charges and are never billed.</Banner> : null}
            {data.trialEndsAt ? <Banner tone="info">{`Your free trial ends on ${new Date(data.trialEndsAt).toLocaleDateString("en-US", { dateStyle: "medium" })}; Shopify starts billing after that.`}</Banner> : null}
            <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
              {data.plans.map((offer) => <PlanOfferCard key={offer.key} offer={offer} busy={busy} />)}
            </InlineGrid>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <UsageCard usage={data.usage} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

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
import { message } from "../i18n/message";
import { useFormat, useT } from "../i18n/react";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await plansPageData(adminClientForSession(session)));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, redirect } = await authenticate.admin(request);
  const plan = (await request.formData()).get("plan");
  if (!isPlanKey(plan)) return json({ ok: false, message: message("plans:pickPlan") }, { status: 422 });
  // Shopify sends the merchant back here, top-level, after approving; shop + host let the app re-embed.
  const host = new URL(request.url).searchParams.get("host");
  const returnUrl = `${config.SHOPIFY_APP_URL}/app/plans?shop=${encodeURIComponent(session.shop)}${host ? `&host=${encodeURIComponent(host)}` : ""}`;
  const change = await choosePlan(adminClientForSession(session), plan, returnUrl);
  if (change.kind === "confirm") return redirect(change.confirmationUrl, { target: "_top" });
  return json({ ok: true, message: message("plans:nowFree") });
};

export default function Plans() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT("plans");
  const fmt = useFormat();
  return (
    <Page title={t("title")} subtitle={t("subtitle")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result ? <Banner tone={result.ok ? "success" : "critical"}>{t(result.message.key, result.message.values)}</Banner> : null}
            {data.test ? <Banner tone="info">{t("testStore")}</Banner> : null}
            {data.trialEndsAt ? <Banner tone="info">{t("trialEnds", { date: fmt.date(data.trialEndsAt) })}</Banner> : null}
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

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { RateCardChanges } from "../components/shipping/rate-card-changes";
import { RateCardEditor } from "../components/shipping/rate-card-editor";
import { RateCardList } from "../components/shipping/rate-card-list";
import { deleteRateCard, listRateCards, rateCardCsv, setRateCardActive, uploadRateCard, type UploadProblem } from "../server/shipping/rate-cards.server";
import type { CardChange } from "../server/shipping/engine";
import { authenticate } from "../shopify.server";
import { DdpPlanBanner } from "../components/billing/ddp-plan-banner";
import { ddpPlanNotice } from "../server/billing/entitlements.server";
import { message, type Message } from "../i18n/message";
import { useT } from "../i18n/react";

type Review = { comparedWith: Message; changes: CardChange[] } | null;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const edit = params.get("edit");
  const csv = edit ? await rateCardCsv(session.shop, edit, params.has("from") ? params.get("from")! : undefined) : null;
  const cards = await listRateCards(session.shop);
  const ddpNotice = await ddpPlanNotice(session.shop, cards.filter((c) => c.active && c.period !== "expired"));
  return json({ cards, edit: csv === null ? null : edit, csv: csv ?? "", ddpNotice });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const code = String(form.get("code") ?? "");
  switch (form.get("intent")) {
    case "upload": {
      const result = await uploadRateCard(session.shop, String(form.get("csv") ?? ""));
      if (!result.ok) return json({ problems: result.problems, notice: null, review: null as Review }, { status: 422 });
      const review: Review = result.comparedWith ? { comparedWith: result.comparedWith, changes: result.changes } : null;
      return json({ problems: [] as UploadProblem[], notice: result.effectiveFrom
        ? message("shipping-tools:rateCards.savedFrom", { code: result.code, version: result.version, from: result.effectiveFrom })
        : message("shipping-tools:rateCards.saved", { code: result.code, version: result.version }), review });
    }
    case "activate":
    case "deactivate":
      await setRateCardActive(session.shop, code, form.get("intent") === "activate");
      return json({ problems: [] as UploadProblem[], notice: message(form.get("intent") === "activate" ? "shipping-tools:rateCards.activated" : "shipping-tools:rateCards.deactivated", { code }) });
    case "delete":
      await deleteRateCard(session.shop, code, form.has("effectiveFrom") ? String(form.get("effectiveFrom")) : undefined);
      return json({ problems: [] as UploadProblem[], notice: message("shipping-tools:rateCards.deleted", { code }) });
    default:
      // A malformed post, not something the page sends.
      return json({ problems: [{ at: "file", detail: message("messages:unknownAction") }] as UploadProblem[], notice: null }, { status: 400 });
  }
};

export default function RateCards() {
  const { cards, edit, csv, ddpNotice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT("shipping-tools");
  return (
    <Page title={t("rateCards.title")} backAction={{ url: "/app/shipping" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.notice ? <Banner tone="success">{t(result.notice.key, result.notice.values)}</Banner> : null}
            {result && "review" in result && result.review ? <RateCardChanges {...(result.review as NonNullable<Review>)} /> : null}
            <DdpPlanBanner notice={ddpNotice} />
            <RateCardList cards={cards} />
            <RateCardEditor code={edit} csv={csv} problems={result?.problems ?? []} busy={busy} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

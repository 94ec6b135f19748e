import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { RateCardEditor } from "../components/shipping/rate-card-editor";
import { RateCardList } from "../components/shipping/rate-card-list";
import { deleteRateCard, listRateCards, rateCardCsv, setRateCardActive, uploadRateCard } from "../server/shipping/rate-cards.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const edit = new URL(request.url).searchParams.get("edit");
  const csv = edit ? await rateCardCsv(session.shop, edit) : null;
  return json({ cards: await listRateCards(session.shop), edit: csv === null ? null : edit, csv: csv ?? "" });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const code = String(form.get("code") ?? "");
  switch (form.get("intent")) {
    case "upload": {
      const result = await uploadRateCard(session.shop, String(form.get("csv") ?? ""));
      return json(result.ok ? { errors: [] as string[], notice: `Saved ${result.code} (version ${result.version})` } : { errors: result.errors, notice: null }, { status: result.ok ? 200 : 422 });
    }
    case "activate":
    case "deactivate":
      await setRateCardActive(session.shop, code, form.get("intent") === "activate");
      return json({ errors: [] as string[], notice: `${code} ${form.get("intent")}d` });
    case "delete":
      await deleteRateCard(session.shop, code);
      return json({ errors: [] as string[], notice: `${code} deleted` });
    default:
      return json({ errors: ["Unknown action"], notice: null }, { status: 400 });
  }
};

export default function RateCards() {
  const { cards, edit, csv } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <Page title="Rate cards" backAction={{ url: "/app/shipping" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.notice ? <Banner tone="success">{result.notice}</Banner> : null}
            <RateCardList cards={cards} />
            <RateCardEditor code={edit} csv={csv} errors={result?.errors ?? []} busy={busy} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

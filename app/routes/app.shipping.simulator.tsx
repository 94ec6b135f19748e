import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { ServiceComparisonChart } from "../components/shipping/service-comparison-chart";
import { ExclusionList, QuoteBreakdown } from "../components/shipping/quote-breakdown";
import { SimulatorForm, type SimulatorValues } from "../components/shipping/simulator-form";
import { SIMULATOR_LINES, simulateRates, simulatorInputFromForm } from "../server/shipping/simulator.server";
import { authenticate } from "../shopify.server";
import { useFormat, useT } from "../i18n/react";

const DEFAULTS: SimulatorValues = {
  country: "US", postalCode: "94103", province: "CA", currency: "USD",
  lines: [{ sku: "", quantity: "1", grams: "300", price: "19.99" }],
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return json({ defaults: DEFAULTS, lineCount: SIMULATOR_LINES });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await simulateRates(session.shop, simulatorInputFromForm(await request.formData())));
};

export default function RateSimulator() {
  const { defaults, lineCount } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT("shipping-tools");
  const fmt = useFormat();
  return (
    <Page title={t("simulator.title")} backAction={{ url: "/app/shipping" }} subtitle={t("simulator.subtitle")}>
      <Layout>
        <Layout.Section>
          <SimulatorForm initial={defaults} errors={result && !result.ok ? result.errors : {}} busy={busy} lineCount={lineCount} />
        </Layout.Section>
        {result?.ok ? (
          <Layout.Section>
            <BlockStack gap="400">
              {result.quotes.length === 0 ? <Banner tone="warning">{t("simulator.noService")}</Banner> : null}
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">{t("simulator.compare")}</Text>
                  <Text as="p" tone="subdued">{t("simulator.matched", { count: result.mappedLines, date: result.fxAsOf ? fmt.calendarDate(result.fxAsOf) : "—" })}</Text>
                  <ServiceComparisonChart quotes={result.quotes} />
                </BlockStack>
              </Card>
              {result.quotes.map((q) => <QuoteBreakdown key={q.serviceCode} quote={q} />)}
              <ExclusionList exclusions={result.exclusions} />
            </BlockStack>
          </Layout.Section>
        ) : null}
      </Layout>
    </Page>
  );
}

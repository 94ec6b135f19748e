import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { CarrierServiceCard } from "../components/shipping/carrier-service-card";
import { ShippingSettingsForm } from "../components/shipping/settings-form";
import { callbackUrl, deactivateCarrierService, deleteCarrierService, registerCarrierService } from "../server/shipping/carrier-service/registration.server";
import { listRateCards } from "../server/shipping/rate-cards.server";
import { getShippingSettings, saveShippingSettings, servicesFromForm, settingsFormFrom } from "../server/shipping/settings.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [settings, cards] = await Promise.all([getShippingSettings(session.shop), listRateCards(session.shop)]);
  return json({
    form: settingsFormFrom(settings),
    services: cards.map((c) => ({ code: c.code, name: c.name })),
    carrier: {
      status: settings.carrierServiceStatus, message: settings.carrierServiceMessage, gid: settings.carrierServiceGid,
      callbackUrl: callbackUrl(), checkedAt: settings.carrierServiceCheckedAt?.toISOString() ?? null,
    },
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const intent = String(form.get("intent"));
  if (intent === "save-settings") {
    const codes = (await listRateCards(session.shop)).map((c) => c.code);
    const result = await saveShippingSettings(session.shop, Object.fromEntries(form), servicesFromForm(form, codes));
    return json(result.ok ? { ok: true as const, errors: {}, notice: "Settings saved" } : { ok: false as const, errors: result.errors, notice: null });
  }
  const admin = adminClientForSession(session);
  const run = { register: registerCarrierService, deactivate: deactivateCarrierService, delete: deleteCarrierService }[intent];
  if (!run) return json({ ok: false as const, errors: { form: `Unknown action "${intent}"` }, notice: null }, { status: 400 });
  const result = await run(session.shop, admin);
  return json({ ok: true as const, errors: {}, notice: `Carrier service: ${result.status}` });
};

export default function ShippingSettings() {
  const { form, services, carrier } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <Page title="Shipping" secondaryActions={[{ content: "Rate cards", url: "/app/shipping/rate-cards" }, { content: "Rate simulator", url: "/app/shipping/simulator" }]}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.notice ? <Banner tone="success">{result.notice}</Banner> : null}
            {result && !result.ok ? <Banner tone="critical" title="Some settings need attention">Check the highlighted fields.</Banner> : null}
            <CarrierServiceCard view={carrier} />
            <ShippingSettingsForm initial={form} services={services} errors={result?.errors ?? {}} busy={busy} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

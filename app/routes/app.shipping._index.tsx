import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { CarrierServiceCard } from "../components/shipping/carrier-service-card";
import { FallbackRatesCard } from "../components/shipping/fallback-rates-card";
import { ShippingSettingsForm } from "../components/shipping/settings-form";
import { callbackUrl, deactivateCarrierService, deleteCarrierService, registerCarrierService } from "../server/shipping/carrier-service/registration.server";
import { disableFallbackRates, enableFallbackRates, fallbackRatesStatus } from "../server/shipping/fallback-rates/fallback-rates.server";
import { listRateCards } from "../server/shipping/rate-cards.server";
import { getShippingSettings, saveShippingSettings, servicesFromForm, settingsFormFrom } from "../server/shipping/settings.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { authenticate } from "../shopify.server";
import { handlerForIntent } from "../server/http/intent";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [settings, cards, fallback] = await Promise.all([
    getShippingSettings(session.shop), listRateCards(session.shop), fallbackRatesStatus(session.shop, adminClientForSession(session)),
  ]);
  return json({
    form: settingsFormFrom(settings),
    services: cards.map((c) => ({ code: c.code, name: c.name })),
    carrier: {
      status: settings.carrierServiceStatus, message: settings.carrierServiceMessage, gid: settings.carrierServiceGid,
      callbackUrl: callbackUrl(), checkedAt: settings.carrierServiceCheckedAt?.toISOString() ?? null,
    },
    fallback: { state: fallback.state, fallbackTitles: fallback.fallbackTitles, message: fallback.message },
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
  if (intent === "fallback-enable" || intent === "fallback-disable") {
    const result = intent === "fallback-enable"
      ? await enableFallbackRates(session.shop, admin, { fallbackTitles: String(form.get("fallbackTitles") ?? "") })
      : await disableFallbackRates(session.shop, admin);
    if (!result.ok) return json({ ok: false as const, errors: result.errors as Record<string, string>, notice: null }, { status: 422 });
    return json({ ok: true as const, errors: {}, notice: result.status.state === "on" ? "Backup rates: on" : "Backup rates: off" });
  }
  const run = handlerForIntent({ register: registerCarrierService, deactivate: deactivateCarrierService, delete: deleteCarrierService }, intent);
  if (!run) return json({ ok: false as const, errors: { form: `Unknown action "${intent}"` }, notice: null }, { status: 400 });
  const result = await run(session.shop, admin);
  return json({ ok: true as const, errors: {}, notice: `Carrier service: ${result.status}` });
};

export default function ShippingSettings() {
  const { form, services, carrier, fallback } = useLoaderData<typeof loader>();
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
            {result && !result.ok && "form" in result.errors ? <Banner tone="critical">{String(result.errors.form)}</Banner> : null}
            <FallbackRatesCard key={fallback.fallbackTitles.join("\n")} view={fallback} error={result?.errors && "fallbackTitles" in result.errors ? String(result.errors.fallbackTitles) : undefined} busy={busy} />
            <ShippingSettingsForm initial={form} services={services} errors={result?.errors ?? {}} busy={busy} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

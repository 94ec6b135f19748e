import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { CarrierServiceCard } from "../components/shipping/carrier-service-card";
import { CheckoutReachCard } from "../components/shipping/checkout-reach-card";
import { FallbackRatesCard } from "../components/shipping/fallback-rates-card";
import { ShippingSettingsForm } from "../components/shipping/settings-form";
import { callbackUrl } from "../server/shipping/carrier-service/registration.server";
import { checkoutReachView, setReachMode, syncCheckoutReach, turnOffCheckoutRates, turnOnCheckoutRates } from "../server/shipping/checkout-reach/reach.server";
import { disableFallbackRates, enableFallbackRates, fallbackRatesStatus } from "../server/shipping/fallback-rates/fallback-rates.server";
import { listRateCards } from "../server/shipping/rate-cards.server";
import { getShippingSettings, saveShippingSettings, servicesFromForm, settingsFormFrom } from "../server/shipping/settings.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { isGid, parseGid } from "../server/shopify/gid";
import { authenticate } from "../shopify.server";
import { handlerForIntent } from "../server/http/intent";
import { DdpPlanBanner } from "../components/billing/ddp-plan-banner";
import { ddpPlanNotice } from "../server/billing/entitlements.server";
import { message, type Message } from "../i18n/message";
import { useT } from "../i18n/react";
import { messageFromStored } from "../i18n/stored-message";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const admin = adminClientForSession(session);
  const [settings, cards, fallback, reach] = await Promise.all([
    getShippingSettings(session.shop), listRateCards(session.shop), fallbackRatesStatus(session.shop, admin), checkoutReachView(session.shop, admin),
  ]);
  const ddpNotice = await ddpPlanNotice(session.shop, cards.filter((c) => c.active && c.period !== "expired"));
  return json({
    ddpNotice,
    form: settingsFormFrom(settings),
    services: cards.map((c) => ({ code: c.code, name: c.name })),
    carrier: {
      status: settings.carrierServiceStatus, message: settings.carrierServiceMessage ? messageFromStored(settings.carrierServiceMessage) : null, gid: settings.carrierServiceGid,
      callbackUrl: callbackUrl(), checkedAt: settings.carrierServiceCheckedAt?.toISOString() ?? null,
    },
    fallback: { state: fallback.state, fallbackTitles: fallback.fallbackTitles, message: fallback.message },
    reach,
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const intent = String(form.get("intent"));
  if (intent === "save-settings") {
    const codes = (await listRateCards(session.shop)).map((c) => c.code);
    const result = await saveShippingSettings(session.shop, Object.fromEntries(form), servicesFromForm(form, codes));
    return json(result.ok ? { ok: true as const, errors: {}, notice: message("shipping:notice.saved") } : { ok: false as const, errors: result.errors, notice: null });
  }
  const admin = adminClientForSession(session);
  if (intent === "fallback-enable" || intent === "fallback-disable") {
    const result = intent === "fallback-enable"
      ? await enableFallbackRates(session.shop, admin, { fallbackTitles: String(form.get("fallbackTitles") ?? "") })
      : await disableFallbackRates(session.shop, admin);
    if (!result.ok) return json({ ok: false as const, errors: result.errors as Record<string, Message>, notice: null }, { status: 422 });
    return json({ ok: true as const, errors: {}, notice: message(result.status.state === "on" ? "shipping:notice.fallbackOn" : "shipping:notice.fallbackOff") });
  }
  if (intent === "reach-app-profile" || intent === "reach-merchant-zones") {
    const zones = form.getAll("zone").map(String).filter((z) => isGid(z) && parseGid(z).resource === "DeliveryZone");
    const reach = await setReachMode(session.shop, admin, intent === "reach-app-profile" ? "app-profile" : "merchant-zones", zones);
    return json({ ok: true as const, errors: {}, notice: message("shipping:notice.reach", { status: reach.status }) });
  }
  if (intent === "reach-sync") {
    const reach = await syncCheckoutReach(session.shop, admin);
    return json({ ok: true as const, errors: {}, notice: message("shipping:notice.reach", { status: reach.status }) });
  }
  const run = handlerForIntent({
    register: () => turnOnCheckoutRates(session.shop, admin),
    deactivate: () => turnOffCheckoutRates(session.shop, admin, "deactivate"),
    delete: () => turnOffCheckoutRates(session.shop, admin, "delete"),
  }, intent);
  if (!run) return json({ ok: false as const, errors: { form: message("messages:unknownAction") } as Record<string, Message>, notice: null }, { status: 400 });
  const { registration, reach } = await run();
  const notice = message(intent === "register" && reach.status === "ready" ? "shipping:notice.carrierOffered" : "shipping:notice.carrier", { status: registration.status });
  // A reach failure is stored with its message; the checkout-rates card shows it from the loader.
  return json({ ok: true as const, errors: {}, notice });
};

export default function ShippingSettings() {
  const { form, services, carrier, fallback, reach, ddpNotice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT("shipping");
  const errors: Record<string, Message> = result?.errors ?? {};
  const [formError, titlesError] = [errors.form, errors.fallbackTitles];
  return (
    <Page title={t("title")} secondaryActions={[{ content: t("rateCards"), url: "/app/shipping/rate-cards" }, { content: t("simulator"), url: "/app/shipping/simulator" }, { content: t("dutyRules"), url: "/app/shipping/duty-rules" }, { content: t("deliveryRules"), url: "/app/shipping/delivery-rules" }]}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.notice ? <Banner tone="success">{noticeText(t, result.notice)}</Banner> : null}
            {result && !result.ok ? <Banner tone="critical" title={t("invalid.title")}>{t("invalid.body")}</Banner> : null}
            <CarrierServiceCard view={carrier} />
            <CheckoutReachCard view={reach} busy={busy} />
            {formError ? <Banner tone="critical">{t(formError.key, formError.values)}</Banner> : null}
            <FallbackRatesCard key={fallback.fallbackTitles.join("\n")} view={fallback} error={titlesError ? t(titlesError.key, titlesError.values) : undefined} busy={busy} />
            <DdpPlanBanner notice={ddpNotice} />
            <ShippingSettingsForm initial={form} services={services} errors={errors} busy={busy} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** A notice's status value (a carrier-service or checkout-reach status) is itself shown in the merchant's language. */
function noticeText(t: ReturnType<typeof useT>, notice: Message): string {
  const status = notice.values?.status;
  return t(notice.key, status === undefined ? notice.values : { ...notice.values, status: t(`notice.status.${status}`, { defaultValue: String(status) }) });
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, Page, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { authenticate } from "../shopify.server";
import { exchangeRateView, getSettings, saveSettings } from "../server/fulfillment/settings.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { ensureWarehouseServices } from "../server/fulfillment/warehouses.server";
import { deleteLogisticMapping, logisticMappingView, saveLogisticMapping } from "../server/fulfillment/logistic-choice.server";
import { LogisticMappingCard } from "../components/orders/logistic-mapping-card";
import { message } from "../i18n/message";
import { useFormat, useT } from "../i18n/react";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [s, fx, logistics] = await Promise.all([getSettings(session.shop), exchangeRateView(session.shop), logisticMappingView(session.shop, "cj")]);
  return json({
    fx, logistics,
    mode: s.mode, notifyCustomer: s.notifyCustomer, cnyRateOverride: fx.overrideCnyPerUnit === null ? "" : String(fx.overrideCnyPerUnit), maxSupplierCostCurrency: s.maxSupplierCostCurrency,
    maxSupplierCost: s.maxSupplierCostMinor === null ? "" : (s.maxSupplierCostMinor / 100).toFixed(2),
    marginFloorPercent: s.marginFloorBps === null ? "" : String(s.marginFloorBps / 100),
    gpsrResponsiblePerson: s.gpsrResponsiblePerson ?? "",
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "warehouses") {
    const rows = await ensureWarehouseServices(adminClientForSession(session));
    return json({ ok: true as const, message: message("orders:settings.notice.warehouses", { count: rows.length }), errors: {} as Record<string, string> });
  }
  if (form.intent === "logistic-mapping-save") {
    const text = (key: string) => String(form[key] ?? "");
    const saved = await saveLogisticMapping(session.shop, "cj", { serviceCode: text("serviceCode"), logisticName: text("logisticName"), fromCountry: text("fromCountry"), toCountry: text("toCountry") });
    return json(saved.ok ? { ok: true as const, message: message("orders:settings.notice.logisticSaved"), errors: {} as Record<string, string> } : { ok: false as const, message: message("orders:settings.notice.detail", { detail: saved.message }), errors: { logisticName: saved.message } as Record<string, string> });
  }
  if (form.intent === "logistic-mapping-delete") {
    await deleteLogisticMapping(session.shop, "cj", String(form.serviceCode ?? ""));
    return json({ ok: true as const, message: message("orders:settings.notice.logisticRemoved"), errors: {} as Record<string, string> });
  }
  const saved = await saveSettings(session.shop, { ...form, notifyCustomer: form.notifyCustomer === "on" ? "on" : "off" });
  return json(saved.ok ? { ok: true as const, message: message("orders:settings.notice.saved"), errors: {} as Record<string, string> } : { ok: false as const, message: message("orders:settings.notice.invalid"), errors: saved.errors });
};

export default function OrderSettings() {
  const initial = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [v, setV] = useState(initial);
  const set = (key: keyof typeof v) => (value: string | boolean) => setV({ ...v, [key]: value });
  const t = useT("orders");
  const fmt = useFormat();
  const fx = initial.fx;
  return (
    <Page title={t("settings.title")} backAction={{ url: "/app/orders" }}>
      <BlockStack gap="400">
        {result && <Banner tone={result.ok ? "success" : "critical"}>{t(result.message.key, result.message.values)}</Banner>}
        <Card>
          <Form method="post">
            <BlockStack gap="300">
              <Select label={t("settings.mode")} name="mode" value={v.mode} onChange={set("mode")} options={[
                { label: t("settings.modeReview"), value: "review" },
                { label: t("settings.modeAuto"), value: "auto" },
              ]} />
              <TextField label={t("settings.maxCost")} name="maxSupplierCost" value={v.maxSupplierCost} onChange={set("maxSupplierCost")} autoComplete="off"
                helpText={t("settings.maxCostHelp")} error={result?.errors.maxSupplierCost} connectedRight={
                  <Select label={t("settings.currency")} labelHidden name="maxSupplierCostCurrency" value={v.maxSupplierCostCurrency} onChange={set("maxSupplierCostCurrency")} options={["CNY", "USD"]} />} />
              <TextField label={t("settings.marginFloor")} name="marginFloorPercent" value={v.marginFloorPercent} onChange={set("marginFloorPercent")} autoComplete="off" error={result?.errors.marginFloorPercent} helpText={t("settings.marginFloorHelp")} />
              {initial.fx.storeCurrency !== "CNY" && (
                <TextField label={t("settings.fxOverride", { currency: fx.storeCurrency })} name="cnyRateOverride" value={v.cnyRateOverride} onChange={set("cnyRateOverride")}
                  autoComplete="off" inputMode="decimal" placeholder={initial.fx.referenceCnyPerUnit === null ? "" : String(initial.fx.referenceCnyPerUnit)} error={result?.errors.cnyRateOverride}
                  helpText={fx.referenceCnyPerUnit === null
                    ? t("settings.fxNoReference")
                    : t("settings.fxReference", { currency: fx.storeCurrency, rate: fx.referenceCnyPerUnit, source: fx.referenceSource.toUpperCase(), date: fx.referenceDate ? fmt.calendarDate(fx.referenceDate) : "" })} />
              )}
              <TextField label={t("settings.gpsrResponsiblePerson")} name="gpsrResponsiblePerson" value={v.gpsrResponsiblePerson} onChange={set("gpsrResponsiblePerson")} autoComplete="off" multiline={2}
                error={result?.errors.gpsrResponsiblePerson} helpText={t("settings.gpsrResponsiblePersonHelp")} />
              <Checkbox label={t("settings.notifyCustomer")} checked={v.notifyCustomer} onChange={set("notifyCustomer")} />
              <input type="hidden" name="notifyCustomer" value={v.notifyCustomer ? "on" : "off"} />
              <Button submit variant="primary">{t("settings.save")}</Button>
            </BlockStack>
          </Form>
        </Card>
        <LogisticMappingCard mappings={initial.logistics.mappings} services={initial.logistics.services} error={result?.errors.logisticName} />
        <Card>
          <Form method="post">
            <input type="hidden" name="intent" value="warehouses" />
            <Button submit>{t("settings.connectWarehouses")}</Button>
          </Form>
        </Card>
      </BlockStack>
    </Page>
  );
}

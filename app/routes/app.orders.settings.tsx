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
    return json({ ok: true as const, message: `${rows.length} warehouse fulfillment services are connected.`, errors: {} as Record<string, string> });
  }
  if (form.intent === "logistic-mapping-save") {
    const text = (key: string) => String(form[key] ?? "");
    const saved = await saveLogisticMapping(session.shop, "cj", { serviceCode: text("serviceCode"), logisticName: text("logisticName"), fromCountry: text("fromCountry"), toCountry: text("toCountry") });
    return json(saved.ok ? { ok: true as const, message: "CJ shipping method saved.", errors: {} as Record<string, string> } : { ok: false as const, message: saved.message, errors: { logisticName: saved.message } as Record<string, string> });
  }
  if (form.intent === "logistic-mapping-delete") {
    await deleteLogisticMapping(session.shop, "cj", String(form.serviceCode ?? ""));
    return json({ ok: true as const, message: "Mapping removed: that service now goes by name or CJ's cheapest quote.", errors: {} as Record<string, string> });
  }
  const saved = await saveSettings(session.shop, { ...form, notifyCustomer: form.notifyCustomer === "on" ? "on" : "off" });
  return json(saved.ok ? { ok: true as const, message: "Settings saved.", errors: {} as Record<string, string> } : { ok: false as const, message: "Check the highlighted fields.", errors: saved.errors });
};

export default function OrderSettings() {
  const initial = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [v, setV] = useState(initial);
  const set = (key: keyof typeof v) => (value: string | boolean) => setV({ ...v, [key]: value });
  return (
    <Page title="Order autopilot" backAction={{ url: "/app/orders" }}>
      <BlockStack gap="400">
        {result && <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner>}
        <Card>
          <Form method="post">
            <BlockStack gap="300">
              <Select label="Mode" name="mode" value={v.mode} onChange={set("mode")} options={[
                { label: "Review: I approve each supplier order", value: "review" },
                { label: "Autopilot: place orders that pass every check", value: "auto" },
              ]} />
              <TextField label="Maximum supplier cost per order" name="maxSupplierCost" value={v.maxSupplierCost} onChange={set("maxSupplierCost")} autoComplete="off"
                helpText="Leave empty for no limit." error={result?.errors.maxSupplierCost} connectedRight={
                  <Select label="Currency" labelHidden name="maxSupplierCostCurrency" value={v.maxSupplierCostCurrency} onChange={set("maxSupplierCostCurrency")} options={["CNY", "USD"]} />} />
              <TextField label="Margin floor (%)" name="marginFloorPercent" value={v.marginFloorPercent} onChange={set("marginFloorPercent")} autoComplete="off" error={result?.errors.marginFloorPercent} helpText="Orders below this margin wait for you." />
              {initial.fx.storeCurrency !== "CNY" && (
                <TextField label={`Exchange-rate override (CNY per 1 ${initial.fx.storeCurrency})`} name="cnyRateOverride" value={v.cnyRateOverride} onChange={set("cnyRateOverride")}
                  autoComplete="off" inputMode="decimal" placeholder={initial.fx.referenceCnyPerUnit === null ? "" : String(initial.fx.referenceCnyPerUnit)} error={result?.errors.cnyRateOverride}
                  helpText={initial.fx.referenceCnyPerUnit === null
                    ? "No reference rate is available for your store currency; enter the rate the cost and margin checks should use."
                    : `Cost and margin checks use the reference rate 1 ${initial.fx.storeCurrency} = ${initial.fx.referenceCnyPerUnit} CNY (${initial.fx.referenceSource.toUpperCase()}, ${initial.fx.referenceDate}). Enter your own rate to override it for this shop; leave empty to follow the reference.`} />
              )}
              <TextField label="EU responsible person (GPSR)" name="gpsrResponsiblePerson" value={v.gpsrResponsiblePerson} onChange={set("gpsrResponsiblePerson")} autoComplete="off" multiline={2}
                error={result?.errors.gpsrResponsiblePerson}
                helpText="Name, postal and electronic address of the EU operator responsible for your products. Used for every product that names none; saving re-checks EU orders held for it." />
              <Checkbox label="Email the customer when the parcel ships" checked={v.notifyCustomer} onChange={set("notifyCustomer")} />
              <input type="hidden" name="notifyCustomer" value={v.notifyCustomer ? "on" : "off"} />
              <Button submit variant="primary">Save</Button>
            </BlockStack>
          </Form>
        </Card>
        <LogisticMappingCard mappings={initial.logistics.mappings} services={initial.logistics.services} error={result?.errors.logisticName} />
        <Card>
          <Form method="post">
            <input type="hidden" name="intent" value="warehouses" />
            <Button submit>Connect the China warehouses as fulfillment services</Button>
          </Form>
        </Card>
      </BlockStack>
    </Page>
  );
}

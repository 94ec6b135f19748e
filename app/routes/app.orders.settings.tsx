import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, Page, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { authenticate } from "../shopify.server";
import { getSettings, saveSettings } from "../server/fulfillment/settings.server";
import { adminClientForSession } from "../server/shopify/admin.server";
import { ensureWarehouseServices } from "../server/fulfillment/warehouses.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const s = await getSettings(session.shop);
  return json({
    mode: s.mode, notifyCustomer: s.notifyCustomer, cnyPerShopUnit: String(s.cnyPerShopUnit), maxSupplierCostCurrency: s.maxSupplierCostCurrency,
    maxSupplierCost: s.maxSupplierCostMinor === null ? "" : (s.maxSupplierCostMinor / 100).toFixed(2),
    marginFloorPercent: s.marginFloorBps === null ? "" : String(s.marginFloorBps / 100),
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "warehouses") {
    const rows = await ensureWarehouseServices(adminClientForSession(session));
    return json({ ok: true as const, message: `${rows.length} warehouse fulfillment services are connected.`, errors: {} as Record<string, string> });
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
              <TextField label="CNY per unit of your store currency" name="cnyPerShopUnit" value={v.cnyPerShopUnit} onChange={set("cnyPerShopUnit")} autoComplete="off" error={result?.errors.cnyPerShopUnit} />
              <Checkbox label="Email the customer when the parcel ships" checked={v.notifyCustomer} onChange={set("notifyCustomer")} />
              <input type="hidden" name="notifyCustomer" value={v.notifyCustomer ? "on" : "off"} />
              <Button submit variant="primary">Save</Button>
            </BlockStack>
          </Form>
        </Card>
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

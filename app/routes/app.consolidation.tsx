import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { AreaPickerForm } from "../components/consolidation/area-picker";
import { areaChoiceFrom, consolidationPageAction, consolidationPageData } from "../server/consolidation/consolidation-page.server";
import { authenticate } from "../shopify.server";
import { useT } from "../i18n/react";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await consolidationPageData(session.shop, areaChoiceFrom(new URL(request.url).searchParams)));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const result = await consolidationPageAction(session.shop, form);
  return json(result, { status: result.ok ? 200 : 422 });
};

function Field({ name, label, help, error }: { name: string; label: string; help?: string; error?: string }) {
  const [value, setValue] = useState("");
  return <TextField label={label} name={name} value={value} onChange={setValue} autoComplete="off" helpText={help} error={error} />;
}

export default function ConsolidationWarehouses() {
  const { warehouses, picker, choice, error } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.errors ?? {};
  const chosen = choice.province > 0 && choice.city > 0 && choice.county > 0;
  const t = useT("consolidation");
  return (
    <Page title={t("title")} backAction={{ url: "/app/settings" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {/* The outcome is the consolidation service's English sentence (not yet a message key). */}
            {result ? <Banner tone={result.ok ? "success" : "critical"}>{result.notice}</Banner> : null}
            {error ? <Banner tone="warning">{error}</Banner> : null}
            <Text as="p">{t("intro")}</Text>
            {warehouses.map((w) => (
              <Card key={w.id}>
                <BlockStack gap="200">
                  <InlineStack gap="200" blockAlign="center">
                    <span translate="no"><Text as="h3" variant="headingMd">{w.name}</Text></span>
                    {w.isDefault ? <Badge tone="success">{t("defaultForJd")}</Badge> : null}
                  </InlineStack>
                  <span translate="no"><Text as="p">{w.areaLabel} · {w.address} · {w.contactName}</Text></span>
                  <Text as="p" tone="subdued">{t("areaId", { id: w.jdAreaId })}</Text>
                  <InlineStack gap="200">
                    {w.isDefault ? null : <Intent intent="set-default" id={w.id} label={t("makeDefault")} busy={busy} />}
                    <Intent intent="delete" id={w.id} label={t("remove")} busy={busy} />
                  </InlineStack>
                </BlockStack>
              </Card>
            ))}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">{t("add.title")}</Text>
                <AreaPickerForm picker={picker} choice={choice} />
                {errors.area ? <Text as="p" tone="critical">{errors.area}</Text> : null}
                {chosen ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="save" />
                    {(["province", "city", "county", "town"] as const).map((k) => <input key={k} type="hidden" name={k} value={String(choice[k])} />)}
                    <BlockStack gap="200">
                      <Field name="name" label={t("add.name")} help={t("add.nameHelp")} error={errors.name} />
                      <Field name="contactName" label={t("add.contact")} error={errors.contactName} />
                      <Field name="phone" label={t("add.phone")} error={errors.phone} />
                      <Field name="address" label={t("add.address")} help={t("add.addressHelp")} error={errors.address} />
                      <InlineStack><Button submit variant="primary" loading={busy}>{t("add.save")}</Button></InlineStack>
                    </BlockStack>
                  </Form>
                ) : <Text as="p" tone="subdued">{t("add.pickFirst")}</Text>}
              </BlockStack>
            </Card>
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="import-csv" />
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">{t("csv.title")}</Text>
                  <CsvField />
                  <InlineStack><Button submit loading={busy}>{t("csv.import")}</Button></InlineStack>
                  {result?.csv?.filter((l) => !l.ok).map((l) => <Text key={l.line} as="p" tone="critical">{t("csv.lineError", { line: l.line, message: l.message })}</Text>)}
                </BlockStack>
              </Form>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function CsvField() {
  const t = useT("consolidation");
  const [value, setValue] = useState(""); // i18n-ignore (next line): the placeholder is a CSV example, data not prose
  return <TextField label={t("csv.label")} name="csv" value={value} onChange={setValue} multiline={6} autoComplete="off" placeholder={"order,tracking_number,carrier\n#1001,YT2412345678901,YunExpress"} />;
}

function Intent({ intent, id, label, busy }: { intent: string; id: string; label: string; busy: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <Button submit loading={busy}>{label}</Button>
    </Form>
  );
}

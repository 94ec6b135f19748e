import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../../i18n/react";
import { supplierName } from "../../i18n/partners";

export interface ConnectionCardView {
  supplier: string;
  label: string;
  connected: boolean;
  isDefault: boolean;
  status: string;
  lastError: string | null;
  lastCheckedAt: string | null;
  fields: Array<{ key: string; label: string; secret: boolean; required: boolean; help?: string; filled: boolean }>;
}

const TONE: Record<string, "success" | "critical" | "attention" | undefined> = { connected: "success", failing: "critical", untested: "attention" };

function CredentialField({ supplier, field }: { supplier: string; field: ConnectionCardView["fields"][number] }) {
  const t = useT("settings");
  const [value, setValue] = useState("");
  // Stored values are never sent to the browser; a filled field says so instead.
  const help = field.help ? t(`credentials.${supplier}.${field.key}.help`, { defaultValue: field.help }) : undefined;
  const hint = field.filled ? t("connection.savedKeep") : help;
  return (
    <TextField label={t(`credentials.${supplier}.${field.key}.label`, { defaultValue: field.label })} name={field.key} type={field.secret ? "password" : "text"} autoComplete="off"
      value={value} onChange={setValue} helpText={hint} requiredIndicator={field.required && !field.filled} />
  );
}

function Intent({ intent, supplier, label, primary, busy }: { intent: string; supplier: string; label: string; primary?: boolean; busy: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="supplier" value={supplier} />
      <Button submit variant={primary ? "primary" : undefined} loading={busy}>{label}</Button>
    </Form>
  );
}

export function SupplierConnectionCard({ view, busy, emulated = false }: { view: ConnectionCardView; busy: boolean; emulated?: boolean }) {
  const t = useT("settings");
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          {/* A brand name: shown in the merchant's language where it has one (京东), never translated word by word. */}
          <Text as="h3" variant="headingMd"><span translate="no">{supplierName(t, view.supplier)}</span></Text>
          <Badge tone={TONE[view.status]}>{view.connected ? t(`connection.status.${view.status}`, { defaultValue: view.status }) : t("connection.notConnected")}</Badge>
          {view.isDefault ? <Badge tone="info">{t("connection.default")}</Badge> : null}
        </InlineStack>
        {view.lastError ? <Text as="p" tone="critical">{view.lastError}</Text> : null}
        {view.fields.length === 0 ? <Text as="p" tone="subdued">{t("connection.noAccount")}</Text> : (
          <Form method="post">
            <input type="hidden" name="intent" value="save-credentials" />
            <input type="hidden" name="supplier" value={view.supplier} />
            <BlockStack gap="200">
              {view.fields.map((f) => <CredentialField key={f.key} supplier={view.supplier} field={f} />)}
              <InlineStack><Button submit loading={busy}>{t("connection.saveCredentials")}</Button></InlineStack>
            </BlockStack>
          </Form>
        )}
        {emulated ? (
          <InlineStack gap="200" blockAlign="center">
            <Intent intent="connect-cj-emulated" supplier={view.supplier} label={t("connection.connectCjEmulated")} primary={!view.connected} busy={busy} />
            <Text as="span" tone="subdued">{t("connection.cjEmulatedHint")}</Text>
          </InlineStack>
        ) : null}
        {view.connected ? (
          <InlineStack gap="200">
            <Intent intent="test" supplier={view.supplier} label={t("connection.test")} busy={busy} />
            {view.isDefault ? null : <Intent intent="set-default" supplier={view.supplier} label={t("connection.makeDefault")} busy={busy} />}
            {view.supplier === "sandbox" ? null : <Intent intent="disconnect" supplier={view.supplier} label={t("connection.disconnect")} busy={busy} />}
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

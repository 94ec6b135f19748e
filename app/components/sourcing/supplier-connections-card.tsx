import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

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

function CredentialField({ field }: { field: ConnectionCardView["fields"][number] }) {
  const [value, setValue] = useState("");
  // Stored values are never sent to the browser; a filled field says so instead.
  const hint = field.filled ? "Saved. Leave blank to keep it." : field.help;
  return (
    <TextField label={field.label} name={field.key} type={field.secret ? "password" : "text"} autoComplete="off"
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
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingMd">{view.label}</Text>
          <Badge tone={TONE[view.status]}>{view.connected ? view.status : "not connected"}</Badge>
          {view.isDefault ? <Badge tone="info">Default</Badge> : null}
        </InlineStack>
        {view.lastError ? <Text as="p" tone="critical">{view.lastError}</Text> : null}
        {view.fields.length === 0 ? <Text as="p" tone="subdued">No account needed: the sandbox supplier runs offline.</Text> : (
          <Form method="post">
            <input type="hidden" name="intent" value="save-credentials" />
            <input type="hidden" name="supplier" value={view.supplier} />
            <BlockStack gap="200">
              {view.fields.map((f) => <CredentialField key={f.key} field={f} />)}
              <InlineStack><Button submit loading={busy}>Save credentials</Button></InlineStack>
            </BlockStack>
          </Form>
        )}
        {emulated ? (
          <InlineStack gap="200" blockAlign="center">
            <Intent intent="connect-cj-emulated" supplier={view.supplier} label="Connect CJ (emulated)" primary={!view.connected} busy={busy} />
            <Text as="span" tone="subdued">Uses the offline CJ emulator and its ready-made test account.</Text>
          </InlineStack>
        ) : null}
        {view.connected ? (
          <InlineStack gap="200">
            <Intent intent="test" supplier={view.supplier} label="Test connection" busy={busy} />
            {view.isDefault ? null : <Intent intent="set-default" supplier={view.supplier} label="Make default" busy={busy} />}
            {view.supplier === "sandbox" ? null : <Intent intent="disconnect" supplier={view.supplier} label="Disconnect" busy={busy} />}
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

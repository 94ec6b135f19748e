import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, ChoiceList, FormLayout, InlineStack, Text, TextField, Thumbnail } from "@shopify/polaris";
import { useRef, useState } from "react";
import { ComplianceCard, type ComplianceFormView } from "./compliance-card";

export interface ImportItemFormView {
  item: { title: string; descriptionHtml: string; tags: string; productType: string; collections: string[]; images: Array<{ url: string; keep: boolean }>; hsCode?: string };
  currency: string;
  collections: Array<{ label: string; value: string }>;
  variants: Array<{ id: string; sku: string; specs: string; keep: boolean; cost: string; price: string; rulePrice: string; margin: string; marginBps: number | null; stock: number }>;
  /** The supplier's Chinese original, shown beside the English fields (JD gives Chinese only). */
  chinese?: { title: string | null; description?: string | null; missing: string | null };
  compliance?: ComplianceFormView;
}

function Original({ text }: { text: string | null | undefined }) {
  return text ? <Text as="p" tone="subdued">中文原文: {text}</Text> : null;
}

export function ImportItemForm({ view, busy }: { view: ImportItemFormView; busy: boolean }) {
  const [f, setF] = useState({ ...view.item, keepImages: view.item.images.filter((i) => i.keep).map((i) => i.url) });
  const [variants, setVariants] = useState(view.variants);
  // Polaris buttons carry no name/value, so the clicked one writes the intent before the form submits.
  const intent = useRef<HTMLInputElement>(null);
  const setVariant = (id: string, patch: Partial<ImportItemFormView["variants"][number]>) => setVariants((vs) => vs.map((v) => (v.id === id ? { ...v, ...patch } : v)));
  return (
    <Form method="post">
      <input ref={intent} type="hidden" name="intent" defaultValue="save" />
      <BlockStack gap="400">
        <Card>
          <FormLayout>
            <BlockStack gap="100">
              <TextField label={view.chinese?.title ? "Title (English)" : "Title"} name="title" value={f.title} onChange={(title) => setF({ ...f, title })} autoComplete="off" />
              <Original text={view.chinese?.title} />
            </BlockStack>
            <BlockStack gap="100">
              <TextField label={view.chinese?.title || view.chinese?.description ? "Description (English, HTML)" : "Description (HTML)"} name="descriptionHtml" value={f.descriptionHtml} onChange={(descriptionHtml) => setF({ ...f, descriptionHtml })} multiline={4} autoComplete="off" />
              <Original text={view.chinese?.description} />
            </BlockStack>
            {view.compliance ? null : <TextField label="HS code" name="hsCode" value={f.hsCode ?? ""} onChange={(hsCode) => setF({ ...f, hsCode })} autoComplete="off"
              helpText="Customs needs it for parcels leaving China; some suppliers (JD) give none." />}
            <FormLayout.Group>
              <TextField label="Tags" name="tags" value={f.tags} onChange={(tags) => setF({ ...f, tags })} autoComplete="off" helpText="Comma-separated" />
              <TextField label="Product type" name="productType" value={f.productType} onChange={(productType) => setF({ ...f, productType })} autoComplete="off" />
            </FormLayout.Group>
            {view.collections.length ? <ChoiceList allowMultiple title="Collections" choices={view.collections} selected={f.collections} onChange={(collections) => setF({ ...f, collections })} /> : null}
            {f.collections.map((c) => <input key={c} type="hidden" name="collections" value={c} />)}
          </FormLayout>
        </Card>
        {view.compliance ? <ComplianceCard view={view.compliance} /> : null}
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">Images</Text>
            <InlineStack gap="300">
              {view.item.images.map((img) => (
                <BlockStack key={img.url} gap="100" inlineAlign="center">
                  <Thumbnail source={img.url} alt="" size="large" />
                  <Checkbox label="Keep" checked={f.keepImages.includes(img.url)}
                    onChange={(on) => setF({ ...f, keepImages: on ? [...f.keepImages, img.url] : f.keepImages.filter((u) => u !== img.url) })} />
                </BlockStack>
              ))}
            </InlineStack>
            {f.keepImages.map((u) => <input key={u} type="hidden" name="keepImage" value={u} />)}
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">Variants</Text>
            {variants.map((v) => (
              <InlineStack key={v.id} gap="300" blockAlign="center">
                <Checkbox label={`${v.specs} (${v.sku})`} checked={v.keep} onChange={(keep) => setVariant(v.id, { keep })} />
                {v.keep ? <input type="hidden" name="keepVariant" value={v.id} /> : null}
                <Text as="span" tone="subdued">cost {v.cost} · stock {v.stock}</Text>
                <TextField label={`Price (${view.currency})`} labelHidden name={`price:${v.id}`} value={v.price} onChange={(price) => setVariant(v.id, { price })}
                  placeholder={v.rulePrice} autoComplete="off" prefix={view.currency} />
                <Text as="span" tone={(v.marginBps ?? 0) < 0 ? "critical" : undefined}>margin {v.margin} ({((v.marginBps ?? 0) / 100).toFixed(1)} %)</Text>
              </InlineStack>
            ))}
            <Text as="p" tone="subdued">Leave a price blank to use your pricing rules (shown greyed). Margins refresh after saving.</Text>
          </BlockStack>
        </Card>
        <InlineStack gap="200">
          <Button submit loading={busy} onClick={() => { if (intent.current) intent.current.value = "save"; }}>Save</Button>
          <Button submit variant="primary" loading={busy} onClick={() => { if (intent.current) intent.current.value = "push"; }}>Save and push to Shopify</Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

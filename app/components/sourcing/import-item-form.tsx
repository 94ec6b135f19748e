import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, ChoiceList, FormLayout, InlineStack, Text, TextField, Thumbnail } from "@shopify/polaris";
import { useRef, useState } from "react";
import { ComplianceCard, type ComplianceFormView } from "./compliance-card";
import { useFormat, useT } from "../../i18n/react";
import type { Money } from "../../server/money";

export interface ImportItemFormView {
  item: { title: string; descriptionHtml: string; tags: string; productType: string; collections: string[]; images: Array<{ url: string; keep: boolean }>; hsCode?: string };
  currency: string;
  collections: Array<{ label: string; value: string }>;
  /** `price` is the form field's text (blank: the pricing rules' `rulePrice`). */
  variants: Array<{ id: string; sku: string; specs: string; keep: boolean; cost: Money; price: string; rulePrice: Money; margin: Money; marginBps: number | null; stock: number }>;
  /** The supplier's Chinese original, shown beside the English fields (JD gives Chinese only); `missing`: what lacks English. */
  chinese?: { title: string | null; description?: string | null; missing: string[] };
  compliance?: ComplianceFormView;
}

function Original({ text }: { text: string | null | undefined }) {
  const t = useT("import-item");
  return text ? <Text as="p" tone="subdued">{t("form.original", { text })}</Text> : null;
}

export function ImportItemForm({ view, busy }: { view: ImportItemFormView; busy: boolean }) {
  const t = useT("import-item");
  const fmt = useFormat();
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
              <TextField label={t(view.chinese?.title ? "form.titleEnglish" : "form.title")} name="title" value={f.title} onChange={(title) => setF({ ...f, title })} autoComplete="off" />
              <Original text={view.chinese?.title} />
            </BlockStack>
            <BlockStack gap="100">
              <TextField label={t(view.chinese?.title || view.chinese?.description ? "form.descriptionEnglish" : "form.description")} name="descriptionHtml" value={f.descriptionHtml} onChange={(descriptionHtml) => setF({ ...f, descriptionHtml })} multiline={4} autoComplete="off" />
              <Original text={view.chinese?.description} />
            </BlockStack>
            {view.compliance ? null : <TextField label={t("form.hsCode")} name="hsCode" value={f.hsCode ?? ""} onChange={(hsCode) => setF({ ...f, hsCode })} autoComplete="off"
              helpText={t("form.hsCodeHelp")} />}
            <FormLayout.Group>
              <TextField label={t("form.tags")} name="tags" value={f.tags} onChange={(tags) => setF({ ...f, tags })} autoComplete="off" helpText={t("form.tagsHelp")} />
              <TextField label={t("form.productType")} name="productType" value={f.productType} onChange={(productType) => setF({ ...f, productType })} autoComplete="off" />
            </FormLayout.Group>
            {view.collections.length ? <ChoiceList allowMultiple title={t("form.collections")} choices={view.collections.map((c) => ({ value: c.value, label: <span translate="no">{c.label}</span> }))} selected={f.collections} onChange={(collections) => setF({ ...f, collections })} /> : null}
            {f.collections.map((c) => <input key={c} type="hidden" name="collections" value={c} />)}
          </FormLayout>
        </Card>
        {view.compliance ? <ComplianceCard view={view.compliance} /> : null}
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">{t("form.images")}</Text>
            <InlineStack gap="300">
              {view.item.images.map((img) => (
                <BlockStack key={img.url} gap="100" inlineAlign="center">
                  <Thumbnail source={img.url} alt="" size="large" />
                  <Checkbox label={t("form.keepImage")} checked={f.keepImages.includes(img.url)}
                    onChange={(on) => setF({ ...f, keepImages: on ? [...f.keepImages, img.url] : f.keepImages.filter((u) => u !== img.url) })} />
                </BlockStack>
              ))}
            </InlineStack>
            {f.keepImages.map((u) => <input key={u} type="hidden" name="keepImage" value={u} />)}
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">{t("form.variants")}</Text>
            {variants.map((v) => (
              <InlineStack key={v.id} gap="300" blockAlign="center">
                <Checkbox label={<span translate="no">{`${v.specs} (${v.sku})`}</span>} checked={v.keep} onChange={(keep) => setVariant(v.id, { keep })} />
                {v.keep ? <input type="hidden" name="keepVariant" value={v.id} /> : null}
                <Text as="span" tone="subdued">{t("form.variantLine", { cost: fmt.money(v.cost), stock: fmt.number(v.stock) })}</Text>
                <TextField label={t("form.price", { currency: view.currency })} labelHidden name={`price:${v.id}`} value={v.price} onChange={(price) => setVariant(v.id, { price })}
                  placeholder={fmt.money(v.rulePrice)} autoComplete="off" prefix={view.currency} />
                <Text as="span" tone={(v.marginBps ?? 0) < 0 ? "critical" : undefined}>{t("form.margin", { margin: fmt.money(v.margin), percent: fmt.percent((v.marginBps ?? 0) / 10_000) })}</Text>
              </InlineStack>
            ))}
            <Text as="p" tone="subdued">{t("form.pricesHelp")}</Text>
          </BlockStack>
        </Card>
        <InlineStack gap="200">
          <Button submit loading={busy} onClick={() => { if (intent.current) intent.current.value = "save"; }}>{t("form.save")}</Button>
          <Button submit variant="primary" loading={busy} onClick={() => { if (intent.current) intent.current.value = "push"; }}>{t("form.savePush")}</Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

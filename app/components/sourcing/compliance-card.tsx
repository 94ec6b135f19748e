import { Badge, BlockStack, Card, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useFormat, useT } from "../../i18n/react";
import type { ComplianceGap } from "../../server/sourcing/compliance/compliance-data";

export interface ComplianceFormView {
  hsCode: string;
  originCountry: string;
  customsDescription: string;
  gpsrManufacturer: string;
  gpsrResponsiblePerson: string;
  gpsrSafetyInfo: string;
  /** What EU parcels need and this product lacks; named in the merchant's language here. */
  missingForEu: ComplianceGap[];
  variants: Array<{ id: string; label: string; barcode: string }>;
}

const rowsOf = <T,>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Customs and EU product-safety (GPSR) fields of an import item; the names are what editFromForm reads. */
export function ComplianceCard({ view }: { view: ComplianceFormView }) {
  const t = useT("import-item");
  const fmt = useFormat();
  const [f, setF] = useState(view);
  const field = (key: keyof Omit<ComplianceFormView, "missingForEu" | "variants">) => ({
    name: key, value: f[key], onChange: (value: string) => setF({ ...f, [key]: value }), autoComplete: "off",
  });
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">{t("compliance.title")}</Text>
          {view.missingForEu.length
            ? <Badge tone="attention">{t("compliance.missing", { fields: fmt.list(view.missingForEu.map((gap) => t(`compliance.gap.${gap}`))) })}</Badge>
            : <Badge tone="success">{t("compliance.ready")}</Badge>}
        </InlineStack>
        <FormLayout>
          <FormLayout.Group>
            <TextField label={t("compliance.hsCode")} {...field("hsCode")} helpText={t("compliance.hsCodeHelp")} />
            <TextField label={t("compliance.originCountry")} {...field("originCountry")} maxLength={2} helpText={t("compliance.originCountryHelp")} />
          </FormLayout.Group>
          <TextField label={t("compliance.customsDescription")} {...field("customsDescription")} helpText={t("compliance.customsDescriptionHelp")} />
          <TextField label={t("compliance.responsiblePerson")} {...field("gpsrResponsiblePerson")} multiline={2}
            helpText={t("compliance.responsiblePersonHelp")} />
          <TextField label={t("compliance.manufacturer")} {...field("gpsrManufacturer")} multiline={2} helpText={t("compliance.manufacturerHelp")} />
          <TextField label={t("compliance.safetyInfo")} {...field("gpsrSafetyInfo")} multiline={2} />
          <Text as="h3" variant="headingSm">{t("compliance.barcodes")}</Text>
          {rowsOf(view.variants, 3).map((row) => (
            <FormLayout.Group key={row[0]!.id} condensed>
              {row.map((v) => (
                <TextField key={v.id} label={<span translate="no">{v.label}</span>} name={`barcode:${v.id}`} value={f.variants.find((x) => x.id === v.id)!.barcode} autoComplete="off"
                  onChange={(barcode) => setF({ ...f, variants: f.variants.map((x) => (x.id === v.id ? { ...x, barcode } : x)) })} />
              ))}
            </FormLayout.Group>
          ))}
        </FormLayout>
        <Text as="p" tone="subdued">{t("compliance.note")}</Text>
      </BlockStack>
    </Card>
  );
}

import { Badge, BlockStack, Card, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

export interface ComplianceFormView {
  hsCode: string;
  originCountry: string;
  customsDescription: string;
  gpsrManufacturer: string;
  gpsrResponsiblePerson: string;
  gpsrSafetyInfo: string;
  /** Labels of what EU parcels need and this product lacks ("country of origin"). */
  missingForEu: string[];
  variants: Array<{ id: string; label: string; barcode: string }>;
}

const rowsOf = <T,>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Customs and EU product-safety (GPSR) fields of an import item; the names are what editFromForm reads. */
export function ComplianceCard({ view }: { view: ComplianceFormView }) {
  const [f, setF] = useState(view);
  const field = (key: keyof Omit<ComplianceFormView, "missingForEu" | "variants">) => ({
    name: key, value: f[key], onChange: (value: string) => setF({ ...f, [key]: value }), autoComplete: "off",
  });
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">Compliance (customs and EU product safety)</Text>
          {view.missingForEu.length
            ? <Badge tone="attention">{`EU orders held until added: ${view.missingForEu.join(", ")}`}</Badge>
            : <Badge tone="success">Ready for EU customs</Badge>}
        </InlineStack>
        <FormLayout>
          <FormLayout.Group>
            <TextField label="HS code" {...field("hsCode")} helpText="6–10 digits (10 for the US when known). Customs needs it for parcels leaving China; some suppliers (JD) give none." />
            <TextField label="Country of origin" {...field("originCountry")} maxLength={2} helpText="ISO code where the goods were made, e.g. CN." />
          </FormLayout.Group>
          <TextField label="Customs description" {...field("customsDescription")} helpText="Plain English, e.g. “T-shirt (cotton)”." />
          <TextField label="EU responsible person (GPSR)" {...field("gpsrResponsiblePerson")} multiline={2}
            helpText="Name, postal address and contact of the economic operator in the EU (GPSR Art. 4). Required to sell to the EU." />
          <TextField label="Manufacturer (GPSR)" {...field("gpsrManufacturer")} multiline={2} helpText="Name, postal address and contact." />
          <TextField label="Safety information and warnings" {...field("gpsrSafetyInfo")} multiline={2} />
          <Text as="h3" variant="headingSm">Barcodes (GTIN/EAN), per variant</Text>
          {rowsOf(view.variants, 3).map((row) => (
            <FormLayout.Group key={row[0]!.id} condensed>
              {row.map((v) => (
                <TextField key={v.id} label={v.label} name={`barcode:${v.id}`} value={f.variants.find((x) => x.id === v.id)!.barcode} autoComplete="off"
                  onChange={(barcode) => setF({ ...f, variants: f.variants.map((x) => (x.id === v.id ? { ...x, barcode } : x)) })} />
              ))}
            </FormLayout.Group>
          ))}
        </FormLayout>
        <Text as="p" tone="subdued">
          Saved data goes on the product's supplier mappings at once (held EU orders are released when complete) and to Shopify with the next push:
          HS code and origin on the inventory item, barcodes on the variants, GPSR text in the product's gpsr metafields for your theme to show.
        </Text>
      </BlockStack>
    </Card>
  );
}

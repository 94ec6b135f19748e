import { Form, useSubmit } from "@remix-run/react";
import { BlockStack, InlineStack, Select, Text } from "@shopify/polaris";
import type { AreaChoice, AreaPicker } from "../../server/consolidation/consolidation-page.server";
import { useT } from "../../i18n/react";

type Level = keyof AreaChoice;

/** JD's four levels with JD's Chinese names; choosing a level reloads the next one from JD's area API. */
export function AreaPickerForm({ picker, choice }: { picker: AreaPicker; choice: AreaChoice }) {
  const t = useT("consolidation");
  const submit = useSubmit();
  const lists: Record<Level, AreaPicker[keyof AreaPicker]> = { province: picker.provinces, city: picker.cities, county: picker.counties, town: picker.towns };
  const order: Level[] = ["province", "city", "county", "town"];
  const change = (level: Level, value: string) => {
    const next: Record<string, string> = {};
    for (const l of order) {
      if (l === level) { next[l] = value; break; }
      next[l] = String(choice[l]);
    }
    submit(next, { method: "get" });
  };
  return (
    <Form method="get">
      <BlockStack gap="200">
        <InlineStack gap="300" wrap>
          {order.map((level) => {
            const options = lists[level];
            if (options.length === 0) return null;
            return (
              <Select key={level} label={t(`area.${level}`)} name={level} value={String(choice[level] || "")} onChange={(v) => change(level, v)}
                options={[{ label: "—", value: "" }, ...options.map((a) => ({ label: `${a.name} (${a.id})`, value: String(a.id) }))]} />
            );
          })}
        </InlineStack>
        {choice.county > 0 && picker.towns.length === 0 ? <Text as="p" tone="subdued">{t("area.noTowns")}</Text> : null}
      </BlockStack>
    </Form>
  );
}

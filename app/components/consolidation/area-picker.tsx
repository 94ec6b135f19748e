import { Form, useSubmit } from "@remix-run/react";
import { BlockStack, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { AreaChoice, AreaPicker } from "../../server/consolidation/consolidation-page.server";
import { useT } from "../../i18n/react";
import { areaMatches } from "./area-filter";

type Level = keyof AreaChoice;

/** JD's four levels with JD's Chinese names; choosing a level reloads the next one from JD's area API. */
export function AreaPickerForm({ picker, choice }: { picker: AreaPicker; choice: AreaChoice }) {
  const t = useT("consolidation");
  const submit = useSubmit();
  const [queries, setQueries] = useState<Record<Level, string>>({ province: "", city: "", county: "", town: "" });
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
            // The chosen area stays listed whatever the search, so the select never shows a value it lacks.
            const shown = options.filter((a) => a.id === choice[level] || areaMatches(a, queries[level]));
            return (
              <BlockStack key={level} gap="100">
                <TextField label={t(`area.find.${level}`)} value={queries[level]} autoComplete="off" placeholder={t("area.searchPlaceholder")}
                  onChange={(v) => setQueries((q) => ({ ...q, [level]: v }))} />
                <Select label={t(`area.${level}`)} name={level} value={String(choice[level] || "")} onChange={(v) => change(level, v)}
                  options={[{ label: queries[level].trim() ? t("area.found", { count: shown.length }) : "—", value: "" }, ...shown.map((a) => ({ label: `${a.name} ${a.pinyin} (${a.id})`, value: String(a.id) }))]} />
              </BlockStack>
            );
          })}
        </InlineStack>
        {choice.county > 0 && picker.towns.length === 0 ? <Text as="p" tone="subdued">{t("area.noTowns")}</Text> : null}
      </BlockStack>
    </Form>
  );
}

import { Form, useSubmit } from "@remix-run/react";
import { BlockStack, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { AreaChoice, AreaPicker } from "../../server/consolidation/consolidation-page.server";
import { areaMatches } from "./area-filter";

type Level = keyof AreaChoice;
const LABELS: Record<Level, string> = { province: "Province 省", city: "City 市", county: "County / district 区县", town: "Town 乡镇" };

/** JD's four levels with JD's Chinese names; choosing a level reloads the next one from JD's area API. */
export function AreaPickerForm({ picker, choice }: { picker: AreaPicker; choice: AreaChoice }) {
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
                <TextField label={`Find ${LABELS[level].split(" ")[0]!.toLowerCase()}`} value={queries[level]} autoComplete="off" placeholder="中文, pinyin or initials (beijing, bj)"
                  onChange={(v) => setQueries((q) => ({ ...q, [level]: v }))} />
                <Select label={LABELS[level]} name={level} value={String(choice[level] || "")} onChange={(v) => change(level, v)}
                  options={[{ label: queries[level].trim() ? `— ${shown.length} found —` : "—", value: "" }, ...shown.map((a) => ({ label: `${a.name} ${a.pinyin} (${a.id})`, value: String(a.id) }))]} />
              </BlockStack>
            );
          })}
        </InlineStack>
        {choice.county > 0 && picker.towns.length === 0 ? <Text as="p" tone="subdued">This county has no towns in JD's tree; the town id is 0.</Text> : null}
      </BlockStack>
    </Form>
  );
}

/**
 * The merchant's duty-rate overrides, one per line in the settings form: `sku:ABC-1=8.5` (one product) or
 * `hs:6109=16.5` (an HS prefix, 2–10 digits). Stored as JSON on ShippingSettings; a stored value that no longer
 * parses is ignored rather than breaking checkout.
 */
import { z } from "zod";
import type { DutyOverride } from "./engine/duties/duty-types";
import { message, type Message } from "../../i18n/message";

const overrideSchema = z.object({
  sku: z.string().min(1).max(100).nullish(),
  hsPrefix: z.string().regex(/^\d{2,10}$/).nullish(),
  percent: z.number().min(0).max(1000),
}).refine((o) => !!o.sku !== !!o.hsPrefix, "either a SKU or an HS prefix"); // i18n-ignore: checks stored JSON, never shown

export const MAX_DUTY_OVERRIDES = 500;

export function storedDutyOverrides(value: unknown): DutyOverride[] {
  const parsed = z.array(overrideSchema).max(MAX_DUTY_OVERRIDES).safeParse(value ?? []);
  return parsed.success ? parsed.data : [];
}

export function dutyOverridesText(overrides: readonly DutyOverride[]): string {
  return overrides.map((o) => (o.sku ? `sku:${o.sku}=${o.percent}` : `hs:${o.hsPrefix}=${o.percent}`)).join("\n");
}

export type ParsedOverrides = { ok: true; overrides: DutyOverride[] } | { ok: false; message: Message };

export function parseDutyOverridesText(text: string): ParsedOverrides {
  const overrides: DutyOverride[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > MAX_DUTY_OVERRIDES) return { ok: false, message: message("messages:dutyOverrides.tooMany", { max: MAX_DUTY_OVERRIDES }) };
  for (const [i, line] of lines.entries()) {
    const m = /^(sku|hs):(.+)=(\d{1,4}(?:\.\d{1,3})?)$/i.exec(line);
    if (!m) return { ok: false, message: message("messages:dutyOverrides.syntax", { line: i + 1 }) };
    const [, kind, key, percent] = m;
    const value = key!.trim();
    if (kind!.toLowerCase() === "hs" && !/^\d{2,10}$/.test(value)) return { ok: false, message: message("messages:dutyOverrides.hsPrefix", { line: i + 1 }) };
    overrides.push(kind!.toLowerCase() === "sku" ? { sku: value, percent: Number(percent) } : { hsPrefix: value, percent: Number(percent) });
  }
  return { ok: true, overrides };
}

/** The `card,<key>,<value>` rows: one table drives both the parser and the serializer. */
import type { RateCard } from "../card-types";

export type SettingKind = "text" | "code" | "currency" | "incoterm" | "list" | "bool" | "int" | "number" | "mode" | "time" | "boundary" | "transport" | "date";

export interface SettingSpec {
  readonly key: string;
  readonly kind: SettingKind;
  readonly required: boolean;
  readonly get: (card: RateCard) => string | number | boolean | readonly string[] | null; // null: not written
}

export const CARD_SETTINGS: readonly SettingSpec[] = [
  { key: "code", kind: "code", required: true, get: (c) => c.code },
  { key: "name", kind: "text", required: true, get: (c) => c.name },
  { key: "currency", kind: "currency", required: true, get: (c) => c.currency },
  { key: "incoterm", kind: "incoterm", required: true, get: (c) => c.incoterm },
  { key: "origins", kind: "list", required: true, get: (c) => c.origins },
  { key: "sample", kind: "bool", required: false, get: (c) => c.sample },
  { key: "transport", kind: "transport", required: false, get: (c) => c.transport },
  { key: "band_boundary", kind: "boundary", required: false, get: (c) => c.bandBoundary },
  { key: "smoothing", kind: "bool", required: false, get: (c) => c.smoothing },
  { key: "effective_from", kind: "date", required: false, get: (c) => c.effectiveFrom },
  { key: "effective_until", kind: "date", required: false, get: (c) => c.effectiveUntil },
  { key: "volumetric_divisor", kind: "number", required: true, get: (c) => c.volumetric.divisor },
  { key: "volumetric_mode", kind: "mode", required: false, get: (c) => c.volumetric.mode },
  { key: "volumetric_min_side_cm", kind: "int", required: false, get: (c) => c.volumetric.minSideCm },
  { key: "volumetric_min_ratio", kind: "number", required: false, get: (c) => c.volumetric.minRatio },
  { key: "step_g", kind: "int", required: true, get: (c) => c.rounding.stepGrams },
  { key: "min_g", kind: "int", required: false, get: (c) => c.rounding.minGrams },
  { key: "heavy_from_g", kind: "int", required: false, get: (c) => c.rounding.heavyFromGrams },
  { key: "heavy_step_g", kind: "int", required: false, get: (c) => c.rounding.heavyStepGrams },
  { key: "max_g", kind: "int", required: true, get: (c) => c.maxGrams },
  { key: "max_longest_cm", kind: "number", required: false, get: (c) => c.maxLongestSideCm },
  { key: "max_sum_cm", kind: "number", required: false, get: (c) => c.maxSumOfSidesCm },
  { key: "handling_days", kind: "int", required: true, get: (c) => c.handlingDays },
  { key: "cutoff", kind: "time", required: true, get: (c) => c.cutoffLocalTime },
  { key: "fuel_pct", kind: "number", required: false, get: (c) => c.fuelPercent },
];

/** Defaults for optional settings, in the parsed value space. */
export const SETTING_DEFAULTS: Readonly<Record<string, string | number | boolean>> = {
  sample: false, transport: "courier", band_boundary: "upper", smoothing: false, volumetric_mode: "full", volumetric_min_side_cm: 0, volumetric_min_ratio: 0,
  min_g: 0, heavy_from_g: 0, heavy_step_g: 0, max_longest_cm: 0, max_sum_cm: 0, fuel_pct: 0,
};

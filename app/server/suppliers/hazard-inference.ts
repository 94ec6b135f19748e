import type { HazardFlags } from "./supplier-models";

// Suppliers without structured flags (JD, most CJ items) still name the hazard in the title or specs.
const PATTERNS = {
  battery: /battery|batteries|lithium|li-?ion|power ?bank|mah\b|rechargeable|电池|锂|充电宝|移动电源/i,
  liquid: /liquid|perfume|fragrance|\d+\s?ml\b|serum|toner|essential oil|nail polish|香水|液体|精华液|爽肤水|指甲油|精油/i,
  magnet: /magnet|magsafe|magnetic|磁/i,
  powder: /powder|loose setting|talc|粉末|散粉|粉饼|蜜粉/i,
} as const;

export function inferHazards(text: string): HazardFlags {
  return {
    battery: PATTERNS.battery.test(text),
    liquid: PATTERNS.liquid.test(text),
    magnet: PATTERNS.magnet.test(text),
    powder: PATTERNS.powder.test(text),
    source: "inferred",
  };
}

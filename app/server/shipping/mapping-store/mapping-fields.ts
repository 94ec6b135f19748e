/** The supplier fields of a VariantMapping that the rate engine reads (enrich.ts turns them into supplier data). */
import type { VariantMappingRow } from "../../sourcing/variant-mappings.server";

export type MappingFields = Pick<VariantMappingRow, "weightGrams" | "lengthMm" | "widthMm" | "heightMm" | "hsCode" | "originCountry" | "flags" | "stock">;

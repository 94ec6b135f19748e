import type { TFunction } from "i18next";

/**
 * Duty and fee rules in the merchant's language: the catalog names each built-in rule by its id (`rules:label.<id>`)
 * and carries the caveats about its sources (`rules:note.<id>`); a rule the catalog does not know shows its English label.
 */
export const ruleLabel = (t: TFunction, id: string, fallback: string) => t(`rules:label.${id}`, { defaultValue: fallback });
export const ruleNote = (t: TFunction, id: string) => t(`rules:note.${id}`, { defaultValue: "" });

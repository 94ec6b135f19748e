/**
 * Cart and Checkout Validation (target `cart.validations.generate.run`, API 2026-10): stops checkout when the cart
 * holds an item that none of the store's Silkroute services will carry to the shipping address (a rate card's
 * restriction `forbid` for batteries, liquids, powders, magnets or cosmetics to that country). Without it the
 * carrier service simply returns no rate for that parcel and the buyer sees a fallback rate or nothing at all.
 *
 * Functions of public apps cannot call our servers, so the decision data is a variant metafield the app writes
 * whenever rate cards or mappings change (`app/server/extensions/restricted-items/`):
 *   `$app:silkroute` / `restrictions`  JSON  { "flags": ["battery"], "default": "carried", "exceptions": ["AU"] }
 * `default` is what holds for every destination not in `exceptions`; `exceptions` hold the opposite.
 */
export interface RunInput {
  buyerJourney: { step?: string | null };
  localization: { language: { isoCode: string } };
  cart: {
    deliveryGroups: Array<{
      deliveryAddress?: { countryCode?: string | null } | null;
      cartLines: Array<{
        id: string;
        merchandise: {
          __typename: string;
          id?: string;
          title?: string | null;
          product?: { title: string };
          metafield?: { jsonValue: unknown } | null;
        };
      }>;
    }>;
  };
}

export interface ValidationError { message: string; target: string }
export interface RunResult { operations: Array<{ validationAdd: { errors: ValidationError[] } }> }

export const NO_ERRORS: RunResult = { operations: [] };

/** Cart-level target: the message shows at the top of checkout, not beside one field. */
export const CART_TARGET = "$.cart";

export interface RestrictionValue { flags: string[]; default: "carried" | "blocked"; exceptions: string[] }

const FLAG_WORDS: Record<string, { en: string; zh: string }> = {
  battery: { en: "batteries", zh: "电池" },
  liquid: { en: "liquids", zh: "液体" },
  powder: { en: "powders", zh: "粉末" },
  magnet: { en: "magnets", zh: "磁性物品" },
  cosmetic: { en: "cosmetics", zh: "化妆品" },
};

function parseRestriction(value: unknown): RestrictionValue | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (v.default !== "carried" && v.default !== "blocked") return null;
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);
  return { flags: strings(v.flags), default: v.default, exceptions: strings(v.exceptions).map((c) => c.toUpperCase()) };
}

export function isBlocked(restriction: RestrictionValue, country: string): boolean {
  const listed = restriction.exceptions.includes(country);
  return restriction.default === "blocked" ? !listed : listed;
}

function itemName(m: RunInput["cart"]["deliveryGroups"][number]["cartLines"][number]["merchandise"]): string {
  const product = m.product?.title ?? "";
  // Shopify names a variant of a product without options "Default Title"; the product title alone reads better.
  return m.title && m.title !== "Default Title" ? `${product} – ${m.title}` : product;
}

export function message(language: string, item: string, flags: string[], country: string): string {
  const chinese = language.toUpperCase().startsWith("ZH");
  const words = flags.map((f) => FLAG_WORDS[f]?.[chinese ? "zh" : "en"] ?? f);
  if (chinese) {
    return `“${item}”含${words.join("、") || "限运物品"}，无法寄往 ${country}。请移除该商品或更换收货地址。`;
  }
  const what = words.length ? `it contains ${words.join(", ")}, which` : "it";
  return `"${item}" can't be shipped to ${country}: ${what} our carriers can't take there. Remove it or use another address.`;
}

export function run(input: RunInput): RunResult {
  // At cart interactions there is no confirmed address yet, and an error there would block cart updates.
  const step = input.buyerJourney.step;
  if (step !== "CHECKOUT_INTERACTION" && step !== "CHECKOUT_COMPLETION") return NO_ERRORS;
  const language = input.localization.language.isoCode;
  const errors: ValidationError[] = [];
  const named = new Set<string>();
  for (const group of input.cart.deliveryGroups) {
    const country = group.deliveryAddress?.countryCode?.toUpperCase();
    if (!country) continue;
    for (const line of group.cartLines) {
      const m = line.merchandise;
      if (m.__typename !== "ProductVariant") continue;
      const restriction = parseRestriction(m.metafield?.jsonValue);
      if (!restriction || !isBlocked(restriction, country)) continue;
      const key = `${m.id}|${country}`;
      if (named.has(key)) continue;
      named.add(key);
      errors.push({ message: message(language, itemName(m), restriction.flags, country), target: CART_TARGET });
    }
  }
  return errors.length ? { operations: [{ validationAdd: { errors } }] } : NO_ERRORS;
}

import type { Core } from "../context";
import type { Rec, ShopState } from "../state";
import { isoAt } from "../clock";
import { userError } from "../shopify-errors";
import { applyInventoryItemInput, ensureLevel, setQuantity } from "./inventory";
import { setMetafield } from "./metafields";
import { newMediaImage, newOption, newOptionValue, newProduct, newVariant, slugify, uniqueHandle } from "./product-records";
import { productPayload } from "../webhooks/rest-payloads";
import { findProductByCustomId } from "./product-queries";

const MAX_OPTIONS = 3;
const MAX_VARIANTS = 2048;

export interface ProductSetResult { product: Rec | null; userErrors: Rec[] }

/**
 * Declarative upsert. List fields (options, variants, files) replace what is there. Variants without an id are
 * matched to existing ones by their option-value combination, so re-sending the same input updates in place.
 */
export function productSet(core: Core, state: ShopState, input: Rec, identifier: Rec | null | undefined): ProductSetResult {
  const lookup = identifier ?? (input.id ? { id: input.id } : null);
  let product: Rec | undefined;
  if (lookup?.id) {
    product = state.products.get(lookup.id);
    if (!product) return fail(["identifier", "id"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST");
  } else if (lookup?.handle) {
    product = [...state.products.values()].find((p) => p.handle === lookup.handle);
  } else if (lookup?.customId) {
    product = findProductByCustomId(state, lookup.customId, core.appId);
  }
  const creating = !product;
  if (creating && !input.title?.trim()) return fail(["input", "title"], "Title can't be blank", "INVALID_PRODUCT");
  if ((input.productOptions?.length ?? 0) > MAX_OPTIONS) return fail(["input", "productOptions"], `Can only specify a maximum of ${MAX_OPTIONS} options`, "OPTIONS_OVER_LIMIT");
  if ((input.variants?.length ?? 0) > MAX_VARIANTS) return fail(["input", "variants"], `Can only specify a maximum of ${MAX_VARIANTS} variants`, "VARIANTS_OVER_LIMIT");
  if (input.variants && !input.productOptions && creating) {
    const named = input.variants.some((v: Rec) => v.optionValues?.length);
    if (named) return fail(["input", "productOptions"], "Product options input is required when updating variants.", "PRODUCT_OPTIONS_INPUT_MISSING");
  }
  const optionError = checkVariantOptions(input);
  if (optionError) return { product: null, userErrors: [optionError] };
  const wantedHandle = input.handle ?? lookup?.handle;
  if (creating && input.handle && [...state.products.values()].some((p) => p.handle === input.handle)) {
    return fail(["input", "handle"], `Handle '${input.handle}' has already been taken`, "HANDLE_NOT_UNIQUE");
  }

  const p = product ?? newProduct(core, state);
  for (const key of ["title", "descriptionHtml", "vendor", "productType", "status", "templateSuffix", "giftCardTemplateSuffix", "requiresSellingPlan"]) {
    if (input[key] !== undefined && input[key] !== null) p[key] = input[key];
  }
  if (input.tags) p.tags = [...new Set<string>(input.tags.flatMap((t: string) => t.split(",").map((s) => s.trim()).filter(Boolean)))];
  if (input.seo) p.seo = { title: input.seo.title ?? null, description: input.seo.description ?? null };
  if (creating || input.handle) p.handle = uniqueHandle(state, slugify(wantedHandle ?? p.title), p);
  if (input.productOptions) setOptions(core, state, p, input.productOptions);
  if (input.files) p.media = input.files.map((f: Rec) => newMediaImage(core, state, f));
  if (input.variants) setVariants(core, state, p, input.variants);
  else if (creating) setVariants(core, state, p, [{ optionValues: [] }]);
  for (const m of input.metafields ?? []) setMetafield(core, state, p, m);
  p.updatedAt = isoAt(core.clock);
  if (creating) state.products.set(p.id, p);
  core.emit(state, creating ? "products/create" : "products/update", productPayload(p));
  return { product: p, userErrors: [] };
}

function fail(field: string[], message: string, code: string): ProductSetResult {
  return { product: null, userErrors: [userError(field, message, code)] };
}

function checkVariantOptions(input: Rec): Rec | null {
  if (!input.variants || !input.productOptions) return null;
  const options = new Map<string, Set<string>>(input.productOptions.map((o: Rec) => [o.name, new Set((o.values ?? []).map((v: Rec) => v.name))]));
  const seen = new Set<string>();
  for (const [i, v] of (input.variants as Rec[]).entries()) {
    for (const ov of v.optionValues ?? []) {
      const values = options.get(ov.optionName);
      if (ov.optionName && !values) return userError(["input", "variants", String(i), "optionValues"], `Option '${ov.optionName}' does not exist`, "OPTION_DOES_NOT_EXIST");
      if (values && ov.name && !values.has(ov.name)) return userError(["input", "variants", String(i), "optionValues"], `Option value '${ov.name}' does not exist`, "OPTION_VALUE_DOES_NOT_EXIST");
    }
    const combo = comboKey(v.optionValues ?? []);
    if (seen.has(combo)) return userError(["input", "variants", String(i)], `The variant '${combo || "Default Title"}' already exists.`, "DUPLICATED_OPTION_VALUE");
    seen.add(combo);
  }
  return null;
}

function comboKey(optionValues: Rec[]): string {
  return optionValues.map((o) => o.name ?? "").join(" / ");
}

function setOptions(core: Core, state: ShopState, p: Rec, inputs: Rec[]): void {
  p.options = inputs.map((o, i) => {
    const option = p.options.find((x: Rec) => (o.id && x.id === o.id) || x.name === o.name) ?? newOption(core, state, p, o.name, i + 1);
    option.name = o.name ?? option.name;
    option.position = o.position ?? i + 1;
    const old = option.optionValues as Rec[];
    option.optionValues = [];
    for (const v of o.values ?? []) {
      const keep = old.find((x) => (v.id && x.id === v.id) || x.name === v.name);
      if (keep) { keep.name = v.name ?? keep.name; option.optionValues.push(keep); } else newOptionValue(core, state, p, option, v.name);
    }
    return option;
  });
}

function setVariants(core: Core, state: ShopState, p: Rec, inputs: Rec[]): void {
  const before = p.variants as Rec[];
  p.variants = inputs.map((input, i) => {
    const combo = comboKey(input.optionValues ?? []);
    const variant = before.find((v) => (input.id && v.id === input.id) || (!input.id && optionCombo(v) === combo)) ?? newVariant(core, state, p);
    applyVariantInput(core, state, p, variant, input);
    variant.position = input.position ?? i + 1;
    return variant;
  });
  for (const gone of before.filter((v) => !p.variants.includes(v))) {
    state.nodes.delete(gone.id);
    state.nodes.delete(gone.inventoryItem.id);
  }
}

function optionCombo(v: Rec): string {
  return v.selectedOptions.map((s: Rec) => s.value).join(" / ");
}

export function applyVariantInput(core: Core, state: ShopState, p: Rec, variant: Rec, input: Rec): void {
  for (const key of ["price", "compareAtPrice", "barcode", "inventoryPolicy", "taxable", "taxCode", "requiresComponents", "showUnitPrice"]) {
    if (input[key] !== undefined) variant[key] = key === "price" && input[key] != null ? String(input[key]) : input[key];
  }
  if (input.sku !== undefined) variant.inventoryItem.sku = input.sku;
  applyInventoryItemInput(state, variant.inventoryItem, input.inventoryItem);
  if (input.optionValues) {
    variant.selectedOptions = (input.optionValues as Rec[]).map((ov) => {
      const option = p.options.find((o: Rec) => (ov.optionId && o.id === ov.optionId) || o.name === ov.optionName);
      const value = option?.optionValues.find((x: Rec) => (ov.id && x.id === ov.id) || x.name === ov.name);
      return { name: option?.name ?? ov.optionName, value: value?.name ?? ov.name, optionValue: value ?? { __typename: "ProductOptionValue", id: ov.id ?? "gid://shopify/ProductOptionValue/0", name: ov.name } };
    });
    variant.title = variant.selectedOptions.length ? variant.selectedOptions.map((s: Rec) => s.value).join(" / ") : "Default Title";
  }
  const now = isoAt(core.clock);
  for (const q of input.inventoryQuantities ?? []) {
    const location = state.nodes.get(q.locationId);
    if (!location) continue;
    setQuantity(ensureLevel(core, state, variant.inventoryItem, location), q.name ?? "available", q.quantity, now);
  }
  if (variant.inventoryItem.levels.size === 0 && state.locations[0]) ensureLevel(core, state, variant.inventoryItem, state.locations[0]);
  for (const m of input.metafields ?? []) setMetafield(core, state, variant, m);
  if (input.file) variant.media = [newMediaImage(core, state, input.file)];
  variant.updatedAt = now;
}

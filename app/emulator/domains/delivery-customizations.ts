import { createHash } from "node:crypto";
import type { Core } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { setMetafield, type MetafieldWrite } from "./metafields";

/**
 * The app's Shopify Functions and the delivery customizations that run them. The emulator does not read
 * extension folders, so it serves the one function Silkroute deploys; its id is derived from the app's API
 * key so it is the same on every run, like a released function's id.
 */
export const FALLBACK_RATES_FUNCTION = { handle: "silkroute-fallback-rates", title: "Silkroute fallback rates", apiType: "delivery_customization" } as const;

/** Shopify allows 25 enabled delivery customizations per shop. */
export const MAX_ACTIVE_DELIVERY_CUSTOMIZATIONS = 25;

// Kept beside, not inside, ShopState: only this domain reads them.
const customizationsByShop = new WeakMap<ShopState, Rec[]>();

export function deliveryCustomizationsOf(state: ShopState): Rec[] {
  let list = customizationsByShop.get(state);
  if (!list) customizationsByShop.set(state, (list = []));
  return list;
}

function uuidFrom(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Functions of the calling app; a store without the app installed has none. */
export function shopifyFunctions(core: Core, state: ShopState, apiType?: string | null): Rec[] {
  if (!state.installed) return [];
  const app = { __typename: "App", id: `gid://shopify/App/${core.appId}`, apiKey: core.apiKey, title: "Silkroute", handle: "silkroute" };
  const fn: Rec = {
    __typename: "ShopifyFunction",
    id: uuidFrom(`${core.apiKey}/${FALLBACK_RATES_FUNCTION.handle}`),
    handle: FALLBACK_RATES_FUNCTION.handle,
    title: FALLBACK_RATES_FUNCTION.title,
    apiType: FALLBACK_RATES_FUNCTION.apiType,
    apiVersion: "2026-10",
    appKey: core.apiKey,
    description: "Hides the merchant's fallback shipping rates whenever Silkroute's cross-border rates are offered.",
    inputQuery: null,
    useCreationUi: true,
    app,
    appBridge: { __typename: "FunctionsAppBridge", createPath: "", detailsPath: "" },
  };
  return [fn].filter((f) => !apiType || f.apiType === apiType);
}

type Fail = { field: string[] | null; message: string; code: string };
const failure = (errors: Fail[]) => ({ deliveryCustomization: null, userErrors: errors });

function resolveFunction(core: Core, state: ShopState, input: Rec): { fn: Rec } | { error: Fail } {
  if (input.functionId && input.functionHandle) {
    return { error: { field: ["deliveryCustomization"], message: "Only one of function_id or function_handle can be provided, not both.", code: "MULTIPLE_FUNCTION_IDENTIFIERS" } };
  }
  if (!input.functionId && !input.functionHandle) {
    return { error: { field: ["deliveryCustomization"], message: "Either function_id or function_handle must be provided.", code: "MISSING_FUNCTION_IDENTIFIER" } };
  }
  const fn = shopifyFunctions(core, state).find((f) => f.id === input.functionId || f.handle === input.functionHandle);
  if (!fn) {
    const ref = input.functionId ?? input.functionHandle;
    return { error: { field: ["deliveryCustomization", input.functionId ? "functionId" : "functionHandle"], message: `Function ${ref} not found. Ensure that it is released in the current app (${core.apiKey}), and that the app is installed.`, code: "FUNCTION_NOT_FOUND" } };
  }
  if (fn.apiType !== FALLBACK_RATES_FUNCTION.apiType) {
    return { error: { field: ["deliveryCustomization", "functionId"], message: "Unexpected Function API. The provided function must implement one of the following extension targets: [cart.delivery-options.transform.run].", code: "FUNCTION_DOES_NOT_IMPLEMENT" } };
  }
  return { fn };
}

const enabledCount = (state: ShopState) => deliveryCustomizationsOf(state).filter((c) => c.enabled).length;
const TOO_MANY: Fail = { field: [], message: "Maximum delivery customizations are already enabled", code: "MAXIMUM_ACTIVE_DELIVERY_CUSTOMIZATIONS" };

function writeMetafields(core: Core, state: ShopState, owner: Rec, metafields: MetafieldWrite[] | null | undefined): Fail | null {
  for (const [i, m] of (metafields ?? []).entries()) {
    if (!m.id && (!m.key || m.value == null || !m.type)) {
      return { field: ["deliveryCustomization", "metafields", String(i)], message: "Key, value and type are required for a new metafield", code: "INVALID_METAFIELDS" };
    }
    if (m.type === "json" && m.value != null) {
      try { JSON.parse(m.value); } catch { return { field: ["deliveryCustomization", "metafields", String(i), "value"], message: "Value is invalid JSON", code: "INVALID_METAFIELDS" }; }
    }
  }
  for (const m of metafields ?? []) setMetafield(core, state, owner, m).ownerType = "DELIVERY_CUSTOMIZATION";
  return null;
}

export function deliveryCustomizationCreate(core: Core, state: ShopState, input: Rec): Rec {
  const resolved = resolveFunction(core, state, input);
  if ("error" in resolved) return failure([resolved.error]);
  const missing = (["title", "enabled"] as const).filter((k) => input[k] == null);
  if (missing.length) return failure(missing.map((k) => ({ field: ["deliveryCustomization", k], message: "Required input field must be present.", code: "REQUIRED_INPUT_FIELD" })));
  if (input.enabled && enabledCount(state) >= MAX_ACTIVE_DELIVERY_CUSTOMIZATIONS) return failure([TOO_MANY]);
  const customization: Rec = {
    __typename: "DeliveryCustomization",
    id: core.ids.next("Metafield").replace("/Metafield/", "/DeliveryCustomization/"),
    functionId: resolved.fn.id,
    shopifyFunction: resolved.fn,
    title: String(input.title),
    enabled: Boolean(input.enabled),
    errorHistory: null,
    metafields: [],
  };
  const invalid = writeMetafields(core, state, customization, input.metafields);
  if (invalid) return failure([invalid]);
  deliveryCustomizationsOf(state).push(customization);
  register(state, customization);
  return { deliveryCustomization: customization, userErrors: [] };
}

export function deliveryCustomizationUpdate(core: Core, state: ShopState, id: string, input: Rec): Rec {
  const customization = deliveryCustomizationsOf(state).find((c) => c.id === id);
  if (!customization) return failure([{ field: ["id"], message: `Could not find delivery customization with id: ${id}`, code: "DELIVERY_CUSTOMIZATION_NOT_FOUND" }]);
  if ((input.functionId && input.functionId !== customization.functionId) || (input.functionHandle && input.functionHandle !== customization.shopifyFunction.handle)) {
    return failure([{ field: ["deliveryCustomization", "functionId"], message: "Function ID cannot be changed.", code: "FUNCTION_ID_CANNOT_BE_CHANGED" }]);
  }
  if (input.enabled === true && !customization.enabled && enabledCount(state) >= MAX_ACTIVE_DELIVERY_CUSTOMIZATIONS) return failure([TOO_MANY]);
  const invalid = writeMetafields(core, state, customization, input.metafields);
  if (invalid) return failure([invalid]);
  if (input.title != null) customization.title = String(input.title);
  if (input.enabled != null) customization.enabled = Boolean(input.enabled);
  return { deliveryCustomization: customization, userErrors: [] };
}

export function deliveryCustomizationDelete(state: ShopState, id: string): Rec {
  const list = deliveryCustomizationsOf(state);
  const index = list.findIndex((c) => c.id === id);
  if (index < 0) return { deletedId: null, userErrors: [{ field: ["id"], message: `Could not find delivery customization with id: ${id}`, code: "DELIVERY_CUSTOMIZATION_NOT_FOUND" }] };
  list.splice(index, 1);
  state.nodes.delete(id);
  return { deletedId: id, userErrors: [] };
}

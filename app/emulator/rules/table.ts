import { adminSchema } from "../schema";
import { idempotencyRequiredMutations, mandatoryNullableInputFields } from "./derive";

/**
 * The rules the emulator enforces beyond the schema's types, each traced to the 2026-10 description that states
 * it (`phrase`, whitespace-normalised; `rules.test.ts` checks it is still there) or, where the schema only hints,
 * to Shopify's published page (`source`). The description scan (`app/server/shopify/graphql-rules.test.ts`)
 * fails when a description the app relies on states a rule that is neither here nor in `skipped.ts`.
 */
export type RuleKind = "idempotency" | "mandatory-nullable" | "limit" | "behaviour";

export interface SchemaRule {
  id: string;
  kind: RuleKind;
  /** Schema coordinates ("Mutation.x", "Mutation.x(arg)", "InputType.field") whose descriptions state the rule. */
  coordinates: string[];
  /** The sentence in the 2026-10 description the rule comes from; null when only Shopify's docs state it. */
  phrase: string | null;
  source: string;
  /** What the emulator answers to a violation (Shopify's own shape). */
  answer: string;
  /** The module that enforces it. */
  enforcedIn: string;
}

const IDEMPOTENCY_SOURCE = "https://shopify.dev/changelog/making-idempotency-mandatory-for-inventory-adjustments-and-refund-mutations ; "
  + "live answer quoted in https://github.com/luke-selrai/openclaw-workshop-kit/issues/218";
const CAS_SOURCE = "https://shopify.dev/changelog/concurrency-protection-features ; live answer quoted in https://github.com/luke-selrai/openclaw-workshop-kit/issues/218";

export const INPUT_ARRAY_MAX = 250;

/** Hand-listed limits: the schema states them in prose that differs per field. */
const LIMIT_RULES: SchemaRule[] = [
  {
    id: "limit:input-array-250", kind: "limit",
    coordinates: ["DeliveryProfileLocationGroupInput.locationsToAdd", "DeliveryProfileLocationGroupInput.locationsToRemove", "InventorySetQuantitiesInput.quantities", "QueryRoot.nodes(ids)"],
    phrase: "due to API input array limits, a maximum of 250 items can be sent per each request",
    source: "https://shopify.dev/api/usage/limits (\"Input arguments that accept an array have a maximum size of 250\") ; https://shopify.dev/changelog/graphql-input-objects-limited-to-250-items",
    answer: "top-level MAX_INPUT_SIZE_EXCEEDED \"The input array size of N is greater than the maximum allowed of 250.\" (so 250 quantities per inventorySetQuantities)",
    enforcedIn: "rules/enforce.ts",
  },
  {
    id: "limit:holds-per-app-per-fulfillment-order", kind: "limit",
    coordinates: ["Mutation.fulfillmentOrderHold", "FulfillmentOrderHoldUserErrorCode.FULFILLMENT_ORDER_HOLD_LIMIT_REACHED"],
    phrase: "Each app can place up to 10 active holds per fulfillment order.",
    source: "https://shopify.dev/changelog/apply-multiple-holds-to-a-single-fulfillment-order",
    answer: "userError FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
    enforcedIn: "domains/fulfillment-orders.ts",
  },
  {
    id: "limit:hold-handle-64", kind: "limit",
    coordinates: ["FulfillmentOrderHoldInput.handle"],
    phrase: "This field cannot exceed 64 characters.",
    source: "https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/FulfillmentOrderHoldInput",
    answer: "userError on [fulfillmentHold, handle] (wording is our reading of Rails' length validation)",
    enforcedIn: "rules/enforce.ts",
  },
  {
    id: "limit:product-variants-2048", kind: "limit",
    coordinates: ["Mutation.productSet", "Mutation.productVariantsBulkUpdate", "ProductSetInput.variants"],
    phrase: "By default, stores have a limit of 2048 product variants for each product.",
    source: "https://shopify.dev/changelog/the-product-variant-limit-is-now-2048-for-all-merchants (the 100-variant synchronous productSet cap ended with 2024-07)",
    answer: "userError VARIANTS_OVER_LIMIT",
    enforcedIn: "domains/product-set.ts",
  },
  {
    id: "limit:product-options-3", kind: "limit",
    coordinates: ["ProductSetInput.productOptions"],
    phrase: "List of custom product options and option values (maximum of 3 per product).",
    source: "https://shopify.dev/docs/api/admin-graphql/2026-07/input-objects/ProductSetInput",
    answer: "userError OPTIONS_OVER_LIMIT",
    enforcedIn: "domains/product-set.ts",
  },
  {
    id: "limit:product-set-inventory-quantities-50000", kind: "limit",
    coordinates: ["ProductVariantSetInput.inventoryQuantities", "ProductSetUserErrorCode.INVENTORY_QUANTITIES_LIMIT_EXCEEDED"],
    phrase: "The total number of inventory quantities across all variants in the mutation can't exceed 50000.",
    source: "https://shopify.dev/changelog/productset-limit-for-inventory-quantities (example answer reproduced in its translations)",
    answer: "userError INVENTORY_QUANTITIES_LIMIT_EXCEEDED on [input, variants] \"Input contains N inventory quantities, which exceeds the limit of 50000\"",
    enforcedIn: "rules/enforce.ts",
  },
  {
    id: "limit:metafields-set-25", kind: "limit",
    coordinates: ["Mutation.metafieldsSet", "Mutation.metafieldsSet(metafields)"],
    phrase: "Allows a maximum of 25 metafields to be set at a time",
    source: "https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/metafieldsSet",
    answer: "userError LESS_THAN_OR_EQUAL_TO on [metafields]",
    enforcedIn: "resolvers/catalog.ts",
  },
  {
    id: "limit:hs-code-6-13-digits", kind: "limit",
    coordinates: ["InventoryItemInput.harmonizedSystemCode"],
    phrase: "This must be a number between 6 and 13 digits.",
    source: "https://shopify.dev/docs/api/admin-graphql/latest/input-objects/InventoryItemInput",
    answer: "userError INVALID \"Harmonized system code must be a number between six and thirteen digits\" (inventoryItemUpdate; productSet answers on the variant)",
    enforcedIn: "rules/enforce.ts",
  },
  {
    id: "limit:bulk-operations-concurrent", kind: "limit",
    coordinates: ["Mutation.bulkOperationRunMutation"],
    phrase: "The number of concurrent operations that an app can run depends on the API version.",
    source: "https://shopify.dev/changelog/posts/faster-bulk-operations (up to 5 bulk operations per app and shop)",
    answer: "userError LIMIT_REACHED",
    enforcedIn: "domains/bulk-operations.ts",
  },
  {
    id: "limit:inventory-set-name", kind: "limit",
    coordinates: ["InventorySetQuantitiesInput.name"],
    phrase: "The only accepted values are: `available` or `on_hand`.",
    source: "https://shopify.dev/docs/api/admin-graphql/latest/enums/InventorySetQuantitiesUserErrorCode",
    answer: "userError INVALID_NAME",
    enforcedIn: "domains/inventory.ts",
  },
  {
    id: "limit:inventory-reason", kind: "limit",
    coordinates: ["InventorySetQuantitiesInput.reason", "InventoryAdjustQuantitiesInput.reason"],
    phrase: "The value must be one of the [possible reasons]",
    source: "https://shopify.dev/docs/apps/build/orders-fulfillment/inventory-management-apps/manage-quantities-states",
    answer: "userError INVALID_REASON",
    enforcedIn: "domains/inventory.ts",
  },
];

/** What a mutation's description says happens (beyond its types), modelled by the emulator's domain code. */
const BEHAVIOUR_RULES: SchemaRule[] = [
  {
    id: "behaviour:visible-only-when-active", kind: "behaviour",
    coordinates: ["Mutation.publishablePublish"],
    phrase: "For products to be visible in a channel, they must have an active [`ProductStatus`]",
    source: "https://shopify.dev/docs/api/admin-graphql/latest/mutations/publishablePublish",
    answer: "a published DRAFT or ARCHIVED product stays off the storefront and out of checkout",
    enforcedIn: "domains/publications.ts",
  },
  {
    id: "behaviour:selling-plan-online-only", kind: "behaviour",
    coordinates: ["Mutation.publishablePublish"],
    phrase: "Products sold exclusively on subscription (`requiresSellingPlan: true`) can only be published to online stores.",
    source: "https://shopify.dev/docs/api/admin-graphql/latest/mutations/publishablePublish",
    answer: "userError on [input, i, publicationId] (wording is ours)",
    enforcedIn: "domains/publications.ts",
  },
];

let cached: SchemaRule[] | undefined;

/** Every rule: derived from the descriptions (idempotency, mandatory-but-nullable) plus the hand-listed limits. */
export function schemaRules(): SchemaRule[] {
  if (cached) return cached;
  const schema = adminSchema();
  const idempotency: SchemaRule[] = idempotencyRequiredMutations(schema).map(({ mutation, since }) => ({
    id: `idempotency:${mutation}`, kind: "idempotency", coordinates: [`Mutation.${mutation}`],
    phrase: "the idempotency key is required and must be provided using the `@idempotent` directive",
    source: `${IDEMPOTENCY_SOURCE} (required since ${since})`,
    answer: "top-level BAD_REQUEST \"The @idempotent directive is required for this mutation but was not provided.\"; a repeated key replays the first result",
    enforcedIn: "rules/idempotency.ts",
  }));
  const mandatory: SchemaRule[] = mandatoryNullableInputFields(schema).map(({ inputType, field }) => ({
    id: `mandatory:${inputType}.${field}`, kind: "mandatory-nullable", coordinates: [`${inputType}.${field}`],
    phrase: "you must explicitly pass in a value", source: CAS_SOURCE,
    answer: `top-level INVALID_FIELD_ARGUMENTS "${inputType} must include the following argument: ${field}."`,
    enforcedIn: "rules/enforce.ts",
  }));
  cached = [...idempotency, ...mandatory, ...LIMIT_RULES, ...BEHAVIOUR_RULES];
  return cached;
}

export function ruleCoordinates(): Set<string> {
  return new Set(schemaRules().flatMap((r) => r.coordinates));
}

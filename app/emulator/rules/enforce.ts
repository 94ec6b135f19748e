import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { ResolverContext } from "../context";
import type { Rec } from "../state";
import { walkRootInput } from "./input-walk";
import { badRequest, idempotencyKey, MISSING_KEY_MESSAGE, runIdempotent } from "./idempotency";
import { payloadUserError } from "./payload-errors";
import { INPUT_ARRAY_MAX, schemaRules } from "./table";

// Lists the schema documents above 250 elsewhere: products may have 2048 variants, sent in one call
// (https://shopify.dev/changelog/the-product-variant-limit-is-now-2048-for-all-merchants).
const INPUT_ARRAY_EXEMPT = new Set(["ProductSetInput.variants", "Mutation.productVariantsBulkCreate(variants)", "Mutation.productVariantsBulkUpdate(variants)"]);
const PRODUCT_SET_INVENTORY_QUANTITIES_MAX = 50_000;
const HOLD_HANDLE_MAX = 64;

let idempotent: Set<string> | undefined;
let mandatory: Map<string, string[]> | undefined;

function ruleIndex() {
  if (!idempotent || !mandatory) {
    const rules = schemaRules();
    idempotent = new Set(rules.filter((r) => r.kind === "idempotency").map((r) => r.coordinates[0]!.slice("Mutation.".length)));
    mandatory = new Map();
    for (const r of rules.filter((x) => x.kind === "mandatory-nullable")) {
      const [type, field] = r.coordinates[0]!.split(".") as [string, string];
      mandatory.set(type, [...(mandatory.get(type) ?? []), field]);
    }
  }
  return { idempotent, mandatory };
}

function topLevel(info: GraphQLResolveInfo, message: string, code: string, path: string[] = [info.fieldName]): GraphQLError {
  return new GraphQLError(message, { nodes: info.fieldNodes, path, extensions: { code } });
}

/**
 * Checks a root field against the rules table before it runs, in the order Shopify answers them: input size,
 * then the @idempotent key, then mandatory-but-nullable inputs, then documented limits that come back as user
 * errors. A mutation carrying a key then runs at most once per key.
 */
export function applyRules(args: Rec, ctx: ResolverContext, info: GraphQLResolveInfo, run: () => unknown): unknown {
  const { idempotent, mandatory } = ruleIndex();
  const missing: string[] = [];
  walkRootInput(info, args, (v) => {
    if (v.isList && (v.value as unknown[]).length > INPUT_ARRAY_MAX && !INPUT_ARRAY_EXEMPT.has(v.coordinate)) {
      throw topLevel(info, `The input array size of ${(v.value as unknown[]).length} is greater than the maximum allowed of ${INPUT_ARRAY_MAX}.`, "MAX_INPUT_SIZE_EXCEEDED", [info.fieldName, ...v.path]);
    }
    for (const field of v.isList ? [] : mandatory.get(v.typeName) ?? []) {
      if (!(field in (v.value as Rec))) missing.push(`${v.typeName} must include the following argument: ${field}.`);
    }
  });
  const isMutation = info.parentType.name === "Mutation";
  const key = isMutation ? idempotencyKey(info) : undefined;
  if (isMutation && idempotent.has(info.fieldName)) {
    if (key === undefined) throw badRequest(info, MISSING_KEY_MESSAGE);
  } else if (key !== undefined) {
    // The directive "is only supported on mutations that explicitly document idempotency support" (its 2026-10
    // description); the wording of the refusal is our reading.
    throw badRequest(info, `The @idempotent directive is not supported on ${info.fieldName}.`);
  }
  if (key !== undefined && !key.trim()) throw badRequest(info, "The idempotency key cannot be an empty string or whitespace only.");
  if (missing.length) throw topLevel(info, missing[0]!, "INVALID_FIELD_ARGUMENTS");
  const refused = isMutation ? limitRefusal(info, args) : null;
  if (refused) return refused;
  return key === undefined ? run() : runIdempotent(ctx.shop, info, key, args, run);
}

/** Documented limits Shopify answers with a user error in the payload. */
function limitRefusal(info: GraphQLResolveInfo, args: Rec): Rec | null {
  if (info.fieldName === "productSet") {
    const variants = (args.input?.variants ?? []) as Rec[];
    const total = variants.reduce((n, v) => n + (v.inventoryQuantities?.length ?? 0), 0);
    if (total > PRODUCT_SET_INVENTORY_QUANTITIES_MAX) {
      return payloadUserError(info, ["input", "variants"], "INVENTORY_QUANTITIES_LIMIT_EXCEEDED", `Input contains ${total} inventory quantities, which exceeds the limit of ${PRODUCT_SET_INVENTORY_QUANTITIES_MAX}`);
    }
    const bad = variants.findIndex((v) => !validHsCode(v.inventoryItem?.harmonizedSystemCode));
    if (bad >= 0) return payloadUserError(info, ["input", "variants", String(bad), "inventoryItem", "harmonizedSystemCode"], "INVALID_VARIANT", HS_CODE_MESSAGE);
  }
  if (info.fieldName === "inventoryItemUpdate" && !validHsCode(args.input?.harmonizedSystemCode)) {
    return { inventoryItem: null, userErrors: [{ field: ["input", "harmonizedSystemCode"], message: HS_CODE_MESSAGE }] };
  }
  if (info.fieldName === "fulfillmentOrderHold" && String(args.fulfillmentHold?.handle ?? "").length > HOLD_HANDLE_MAX) {
    return { fulfillmentHold: null, fulfillmentOrder: null, remainingFulfillmentOrder: null, userErrors: [{ field: ["fulfillmentHold", "handle"], message: `Handle is too long (maximum is ${HOLD_HANDLE_MAX} characters)`, code: null }] };
  }
  return null;
}

// Wording seen from Shopify for inventoryItemUpdate; Shopify strips separators ("6214.10") before counting.
const HS_CODE_MESSAGE = "Harmonized system code must be a number between six and thirteen digits";
function validHsCode(code: unknown): boolean {
  if (code === undefined || code === null || code === "") return true;
  const digits = String(code).replace(/[^0-9A-Za-z]/g, "");
  return /^\d{6,13}$/.test(digits);
}

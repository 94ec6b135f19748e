import { isInputObjectType, type GraphQLSchema } from "graphql";

/**
 * Rules read straight from the 2026-10 introspection descriptions, so a schema update brings its new rules
 * with it. Only sentences Shopify writes the same way every time are parsed; everything else is hand-listed
 * in `table.ts` with the phrase it comes from.
 */

// "As of 2026-04, the idempotency key is required and must be provided using the `@idempotent` directive."
// (inventory and refund mutations; https://shopify.dev/changelog/making-idempotency-mandatory-for-inventory-adjustments-and-refund-mutations)
const IDEMPOTENCY_REQUIRED = /As of (?:version )?`?(\d{4}-\d{2})`?, the idempotency key is required and must be provided\s+using the `@idempotent` directive/;

// "This field is mandatory: you must explicitly pass in a value, even if that value is `null`" and the older
// "This field is mandatory- you must explicitly pass in a value (even if it's `null`)".
const MANDATORY_NULLABLE = /This\s+field\s+is\s+mandatory[-:]\s*you\s+must\s+explicitly\s+pass\s+in\s+a\s+value/;

export interface DerivedIdempotencyRule { mutation: string; since: string }
export interface DerivedMandatoryRule { inputType: string; field: string }

export function idempotencyRequiredMutations(schema: GraphQLSchema): DerivedIdempotencyRule[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).flatMap((f) => {
    const m = IDEMPOTENCY_REQUIRED.exec(f.description ?? "");
    return m ? [{ mutation: f.name, since: m[1]! }] : [];
  });
}

/** Nullable input fields whose description says they must be present (null allowed): absence is the error. */
export function mandatoryNullableInputFields(schema: GraphQLSchema): DerivedMandatoryRule[] {
  return Object.values(schema.getTypeMap()).filter(isInputObjectType).flatMap((t) =>
    Object.values(t.getFields()).filter((f) => MANDATORY_NULLABLE.test(f.description ?? "")).map((f) => ({ inputType: t.name, field: f.name })));
}

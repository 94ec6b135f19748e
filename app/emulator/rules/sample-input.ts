import {
  getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
  type GraphQLField, type GraphQLInputType,
} from "graphql";

/**
 * Schema-valid sample arguments for any root field (tests only): required inputs get a plausible value,
 * mandatory-but-nullable ones `null`, optional ones are left out. `omit` drops one input field wherever it occurs.
 */
const SCALARS: Record<string, unknown> = {
  ID: "gid://shopify/Node/1", String: "sample", Int: 1, Float: 1, Boolean: false, DateTime: "2026-10-01T00:00:00Z",
  Date: "2026-10-01", Decimal: "1.0", Money: "1.00", URL: "https://example.com/", UnsignedInt64: "1", BigInt: "1",
  JSON: {}, HTML: "<p>x</p>", FormattedString: "x", Color: "#000000", UtcOffset: "+00:00", ARN: "arn:aws:events:us-east-1::event-source/x",
};

export interface SampleOptions { mandatory?: Map<string, string[]>; omit?: { type: string; field: string } }

export interface SampleArgs { variables: Record<string, unknown>; declarations: string; callArgs: string; types: Set<string> }

export function sampleArgs(field: GraphQLField<unknown, unknown>, options: SampleOptions = {}): SampleArgs {
  const types = new Set<string>();
  const variables: Record<string, unknown> = {};
  const required = field.args.filter((a) => isNonNullType(a.type));
  for (const a of required) variables[a.name] = sample(a.type, options, types, 0);
  return {
    variables, types,
    declarations: required.map((a) => `$${a.name}: ${a.type.toString()}`).join(", "),
    callArgs: required.map((a) => `${a.name}: $${a.name}`).join(", "),
  };
}

function sample(type: GraphQLInputType, options: SampleOptions, types: Set<string>, depth: number): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return [sample(t.ofType, options, types, depth + 1)];
  if (isScalarType(t)) return SCALARS[t.name] ?? "sample";
  if (isEnumType(t)) return t.getValues()[0]?.value;
  if (!isInputObjectType(t) || depth > 8) return null;
  types.add(t.name);
  const out: Record<string, unknown> = {};
  const fields = Object.values(t.getFields());
  const oneOf = (t as { isOneOf?: boolean }).isOneOf;
  const chosen = oneOf ? fields.slice(0, 1) : fields;
  for (const f of chosen) {
    if (options.omit?.type === t.name && options.omit.field === f.name) continue;
    if (isNonNullType(f.type) || oneOf) out[f.name] = sample(f.type, options, types, depth + 1);
    else if (options.mandatory?.get(t.name)?.includes(f.name)) out[f.name] = null;
  }
  return out;
}

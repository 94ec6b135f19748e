import {
  isEnumType, isListType, isNonNullType, isObjectType, isScalarType, isAbstractType,
  type GraphQLOutputType, type GraphQLResolveInfo,
} from "graphql";
import { paginate } from "./connection";

const SCALAR_DEFAULTS: Record<string, (info: GraphQLResolveInfo, now: string) => unknown> = {
  String: () => "",
  Int: () => 0,
  Float: () => 0,
  Boolean: () => false,
  ID: (info) => `gid://shopify/${info.parentType.name}/0`,
  DateTime: (_i, now) => now,
  Date: (_i, now) => now.slice(0, 10),
  Decimal: () => "0.0",
  Money: () => "0.0",
  UnsignedInt64: () => "0",
  BigInt: () => "0",
  URL: () => "https://example.invalid/",
  HTML: () => "",
  FormattedString: () => "",
  JSON: () => ({}),
  Color: () => "#000000",
  UtcOffset: () => "+00:00",
  ARN: () => "",
  StorefrontID: () => "",
};

/**
 * The value Shopify would plausibly return for a field the emulator doesn't model: null when nullable,
 * otherwise an empty list / empty connection / an object whose own fields default the same way.
 */
export function defaultFor(type: GraphQLOutputType, info: GraphQLResolveInfo, now: string, args: Record<string, unknown>): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isScalarType(inner)) return (SCALAR_DEFAULTS[inner.name] ?? (() => ""))(info, now);
  if (isEnumType(inner)) return inner.getValues()[0]?.value ?? null;
  if (isObjectType(inner) && inner.name.endsWith("Connection")) return paginate([], { first: args.first as number ?? 1, last: args.last as number });
  if (isObjectType(inner)) return { __typename: inner.name };
  if (isAbstractType(inner)) return { __typename: info.schema.getPossibleTypes(inner)[0]?.name };
  return null;
}

import { getNullableType, isInputObjectType, isListType, type GraphQLInputType, type GraphQLResolveInfo } from "graphql";

export interface InputVisit {
  /** The input object type name when `value` is an input object ("" for lists and scalars). */
  typeName: string;
  /** Names from the argument down (list positions left out, as Shopify's MAX_INPUT_SIZE_EXCEEDED paths do). */
  path: string[];
  /** "Type.field" of the list or object, or "Mutation.field(arg)" at the top. */
  coordinate: string;
  value: unknown;
  isList: boolean;
}

/** Visits every coerced argument value of the root field with its schema type (objects and lists only). */
export function walkRootInput(info: GraphQLResolveInfo, args: Record<string, unknown>, visit: (v: InputVisit) => void): void {
  const field = info.parentType.getFields()[info.fieldName];
  for (const arg of field?.args ?? []) {
    if (!(arg.name in args)) continue;
    walk(arg.type, args[arg.name], [arg.name], `${info.parentType.name === "QueryRoot" ? "QueryRoot" : "Mutation"}.${info.fieldName}(${arg.name})`, visit);
  }
}

function walk(type: GraphQLInputType, value: unknown, path: string[], coordinate: string, visit: (v: InputVisit) => void): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (!Array.isArray(value)) return;
    visit({ typeName: "", path, coordinate, value, isList: true });
    for (const item of value) walk(t.ofType, item, path, coordinate, visit);
    return;
  }
  if (!isInputObjectType(t) || typeof value !== "object") return;
  visit({ typeName: t.name, path, coordinate, value, isList: false });
  for (const [name, f] of Object.entries(t.getFields())) {
    const child = (value as Record<string, unknown>)[name];
    if (child !== undefined) walk(f.type, child, [...path, name], `${t.name}.${name}`, visit);
  }
}

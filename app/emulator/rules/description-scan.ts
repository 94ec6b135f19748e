import {
  getNamedType, isInputObjectType, parse, TypeInfo, visit, visitWithTypeInfo,
  type GraphQLInputObjectType, type GraphQLSchema,
} from "graphql";

/**
 * Finds the schema coordinates an app's documents rely on and the rule-like sentences their 2026-10
 * descriptions contain. Input objects count whole (every field reachable from an argument's type), because the
 * variables the app builds in code may set any of them.
 */
// The brief's phrases plus the ones limits are written with ("maximum of 512", "can't exceed 50000").
export const RULE_PHRASE = /\b(required|mandatory|must|at most|up to|maximum|limit|exceed|can't|cannot|As of (?:version )?`?\d{4}-\d{2})/i;

export function usedCoordinates(schema: GraphQLSchema, documents: string[]): Map<string, string> {
  const used = new Map<string, string>();
  const seenInputs = new Set<string>();
  const addInput = (t: GraphQLInputObjectType) => {
    if (seenInputs.has(t.name)) return;
    seenInputs.add(t.name);
    for (const f of Object.values(t.getFields())) {
      used.set(`${t.name}.${f.name}`, f.description ?? "");
      const named = getNamedType(f.type);
      if (isInputObjectType(named)) addInput(named);
    }
  };
  for (const text of documents) {
    const typeInfo = new TypeInfo(schema);
    visit(parse(text), visitWithTypeInfo(typeInfo, {
      Field() {
        const def = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!def || !parent) return;
        used.set(`${parent.name}.${def.name}`, def.description ?? "");
        for (const a of def.args) {
          used.set(`${parent.name}.${def.name}(${a.name})`, a.description ?? "");
          const named = getNamedType(a.type);
          if (isInputObjectType(named)) addInput(named);
        }
      },
    }));
  }
  return used;
}

/** Coordinates whose description states something that reads like a rule. */
export function ruleLikeDescriptions(used: Map<string, string>): Map<string, string> {
  return new Map([...used].filter(([, d]) => RULE_PHRASE.test(d)).map(([c, d]) => [c, (RULE_PHRASE.exec(d)?.[0] ?? "").toLowerCase()]));
}

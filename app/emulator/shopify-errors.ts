import { visit, type ASTNode, type DocumentNode, type GraphQLError } from "graphql";

/** The error shape Shopify (graphql-ruby) returns; messages below follow graphql-ruby's wording. */
export interface ShopifyError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

type Rule = { re: RegExp; build: (m: RegExpExecArray, e: GraphQLError, label: string) => { message: string; extensions: Record<string, unknown> } };

const RULES: Rule[] = [
  {
    re: /^Cannot query field "([^"]+)" on type "([^"]+)"/,
    build: ([, field, type]) => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: "undefinedField", typeName: type, fieldName: field },
    }),
  },
  {
    re: /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided/,
    build: ([, field, arg]) => ({
      message: `Field '${field}' is missing required arguments: ${arg}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: field, arguments: arg },
    }),
  },
  {
    re: /^Unknown argument "([^"]+)" on field "(?:[^."]+\.)?([^"]+)"/,
    build: ([, arg, field]) => ({
      message: `Field '${field}' doesn't accept argument '${arg}'`,
      extensions: { code: "argumentNotAccepted", name: field, typeName: "Field", argumentName: arg },
    }),
  },
  {
    re: /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields/,
    build: ([, field, type], e) => {
      const node = e.nodes?.[0] as { selectionSet?: { selections: { name?: { value: string } }[] } } | undefined;
      const names = node?.selectionSet?.selections.map((s) => s.name?.value ?? "...").join(", ") ?? "";
      return {
        message: `Selections can't be made on ${/^[A-Z]/.test(type!) && isEnumLike(type!) ? "enums" : "scalars"} (field '${field}' returns ${type} but has selections [${names}])`,
        extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: type },
      };
    },
  },
  {
    re: /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields/,
    build: ([, field, type]) => ({
      message: `Field must have selections (field '${field}' returns ${type} but has no selections. Did you mean '${field} { ... }'?)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: type },
    }),
  },
  {
    re: /^Variable "\$([^"]+)" is never used/,
    build: ([, name], _e, label) => ({
      message: `Variable $${name} is declared by ${label} but not used`,
      extensions: { code: "variableNotUsed", variableName: name },
    }),
  },
  {
    re: /^Variable "\$([^"]+)" is not defined/,
    build: ([, name], _e, label) => ({
      message: `Variable $${name} is used by ${label} but not declared`,
      extensions: { code: "variableNotDefined", variableName: name },
    }),
  },
  {
    re: /^Unknown type "([^"]+)"/,
    build: ([, type]) => ({
      message: `No such type ${type}, so it can't be a fragment condition`,
      extensions: { code: "undefinedType", typeName: type },
    }),
  },
  {
    re: /^Unknown directive "@([^"]+)"/,
    build: ([, name]) => ({
      message: `Directive @${name} is not defined`,
      extensions: { code: "undefinedDirective", directiveName: name },
    }),
  },
];

function isEnumLike(_type: string): boolean {
  return false; // graphql-js does not tell us the kind here; scalars is the common case.
}

export function toShopifyValidationError(error: GraphQLError, document: DocumentNode): ShopifyError {
  const label = operationLabel(document, error.nodes?.[0]);
  const locations = error.locations?.map((l) => ({ line: l.line, column: l.column }));
  const path = error.nodes?.[0] ? pathTo(document, error.nodes[0]) : undefined;
  for (const rule of RULES) {
    const match = rule.re.exec(error.message);
    if (match) {
      const { message, extensions } = rule.build(match, error, label === "anonymous" ? "anonymous query" : label);
      return { message, locations, path, extensions };
    }
  }
  return { message: error.message, locations, path, extensions: { code: "validationError" } };
}

export function toShopifyParseError(error: GraphQLError): ShopifyError {
  const loc = error.locations?.[0];
  const found = /found (.+?)\.?$/.exec(error.message)?.[1] ?? "end of file";
  const at = loc ? ` at [${loc.line}, ${loc.column}]` : "";
  return {
    message: `Parse error on ${found.replace(/^<EOF>$/, "end of file")}${at}`,
    locations: loc ? [{ line: loc.line, column: loc.column }] : undefined,
  };
}

/** graphql-ruby names paths by operation ("query", "mutation Foo") followed by field names. */
function pathTo(document: DocumentNode, target: ASTNode): string[] | undefined {
  let found: string[] | undefined;
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if (found) return false;
      if (node !== target) return undefined;
      const parts: string[] = [];
      for (const a of [...(ancestors as ASTNode[]), node]) {
        if (Array.isArray(a)) continue;
        if (a.kind === "OperationDefinition") parts.push(a.name ? `${a.operation} ${a.name.value}` : a.operation);
        else if (a.kind === "FragmentDefinition") parts.push(`fragment ${a.name.value}`);
        else if (a.kind === "Field") parts.push(a.name.value);
        else if (a.kind === "InlineFragment") parts.push(`... on ${a.typeCondition?.name.value ?? ""}`);
        else if (a.kind === "Argument") parts.push(a.name.value);
      }
      found = parts;
      return false;
    },
  });
  return found;
}

function operationLabel(document: DocumentNode, node: ASTNode | undefined): string {
  const ops = document.definitions.filter((d) => d.kind === "OperationDefinition");
  const op = ops.find((o) => !node || (o.loc && node.loc && o.loc.start <= node.loc.start && node.loc.end <= o.loc.end)) ?? ops[0];
  return op && op.kind === "OperationDefinition" && op.name ? op.name.value : "anonymous";
}

/** Runtime variable coercion failures use graphql-ruby's INVALID_VARIABLE shape. */
export function toShopifyVariableError(error: GraphQLError, declaredType: (name: string) => string | undefined): ShopifyError {
  const m = /^Variable "\$([^"]+)" (?:of (?:required|non-null) type "([^"]+)"|got invalid value (.*?))(?: at "([^"]+)")?(?:; |\s)(.*)$/s.exec(error.message);
  if (!m) return { message: error.message, locations: error.locations?.slice(), extensions: { code: "INVALID_VARIABLE" } };
  const [, name, requiredType, value, at, explanation] = m;
  const typeName = requiredType ?? declaredType(name!) ?? "input";
  return {
    message: `Variable $${name} of type ${typeName} was provided invalid value${at ? ` for ${at.split(".").slice(1).join(".")}` : ""}`,
    locations: error.locations?.slice(),
    extensions: {
      code: "INVALID_VARIABLE",
      value: value ? safeJson(value) : null,
      problems: [{ path: at ? at.split(".").slice(1) : [], explanation: (explanation ?? "").replace(/\.$/, "") || "Expected value to not be null" }],
    },
  };
}

function safeJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return text; }
}

export function userError(field: string[] | null, message: string, code?: string): { field: string[] | null; message: string; code?: string } {
  return code ? { field, message, code } : { field, message };
}

import { existsSync, readFileSync } from "node:fs";

/**
 * Just enough TOML for shopify.app.toml: [tables], [[arrays of tables]], strings, numbers, booleans and
 * (multi-line) arrays of those. Anything fancier (inline tables, dates) is ignored rather than mis-parsed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Table = Record<string, any>;

export function parseTomlSubset(text: string): Table {
  const root: Table = {};
  let current: Table = root;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = stripComment(lines[i]!).trim();
    if (!line) continue;
    const arrayTable = /^\[\[\s*([^\]]+?)\s*\]\]$/.exec(line);
    if (arrayTable) {
      const { parent, key } = walk(root, arrayTable[1]!);
      parent[key] ??= [];
      const table: Table = {};
      parent[key].push(table);
      current = table;
      continue;
    }
    const table = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (table) {
      const { parent, key } = walk(root, table[1]!);
      parent[key] ??= {};
      current = parent[key];
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim().replace(/^"|"$/g, "");
    let value = line.slice(eq + 1).trim();
    if (value.startsWith('"""')) {
      // Multi-line basic string: a backslash at a line's end joins it to the next non-blank text.
      let body = value.slice(3);
      while (!body.includes('"""') && i + 1 < lines.length) body += "\n" + lines[++i]!;
      body = body.slice(0, body.indexOf('"""')).replace(/^\n/, "").replace(/\\\n\s*/g, "");
      const { parent, key: leaf } = walk(current, key);
      parent[leaf] = body;
      continue;
    }
    while (value.startsWith("[") && !balanced(value) && i + 1 < lines.length) {
      line = stripComment(lines[++i]!).trim();
      value += " " + line;
    }
    const { parent, key: leaf } = walk(current, key);
    parent[leaf] = parseValue(value);
  }
  return root;
}

function walk(base: Table, dotted: string): { parent: Table; key: string } {
  const parts = dotted.split(".").map((p) => p.trim().replace(/^"|"$/g, ""));
  let parent = base;
  for (const part of parts.slice(0, -1)) {
    parent[part] ??= {};
    parent = Array.isArray(parent[part]) ? parent[part][parent[part].length - 1] : parent[part];
  }
  return { parent, key: parts[parts.length - 1]! };
}

function stripComment(line: string): string {
  let inString: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inString) { if (c === inString && line[i - 1] !== "\\") inString = null; }
    else if (c === '"' || c === "'") inString = c;
    else if (c === "#") return line.slice(0, i);
  }
  return line;
}

function balanced(value: string): boolean {
  let depth = 0;
  for (const c of value.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, "")) {
    if (c === "[") depth++;
    if (c === "]") depth--;
  }
  return depth === 0;
}

function parseValue(raw: string): unknown {
  const v = raw.trim();
  if (v.startsWith('"')) return JSON.parse(v.replace(/,\s*$/, ""));
  if (v.startsWith("'")) return v.slice(1, v.lastIndexOf("'"));
  if (v === "true" || v === "false") return v === "true";
  if (/^[+-]?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v.startsWith("[")) {
    const inner = v.slice(1, v.lastIndexOf("]"));
    const items = inner.match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^,\s]+/g) ?? [];
    return items.map(parseValue);
  }
  return undefined;
}

export interface AppTomlWebhook { topics: string[]; uri: string }

export interface AppToml { clientId?: string; applicationUrl?: string; scopes: string[]; apiVersion?: string; subscriptions: AppTomlWebhook[] }

export function readAppToml(path: string): AppToml | null {
  if (!existsSync(path)) return null;
  const t = parseTomlSubset(readFileSync(path, "utf8"));
  const subs = (t.webhooks?.subscriptions ?? []) as Table[];
  return {
    clientId: t.client_id,
    applicationUrl: t.application_url,
    scopes: String(t.access_scopes?.scopes ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    apiVersion: t.webhooks?.api_version,
    subscriptions: subs.filter((s) => Array.isArray(s.topics) && typeof s.uri === "string").map((s) => ({ topics: s.topics, uri: s.uri })),
  };
}

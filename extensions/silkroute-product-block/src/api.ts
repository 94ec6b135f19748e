/**
 * The part of the admin block API this block uses, at its documented 2026-10 shape (@shopify/ui-extensions
 * 2026.10.0-rc.11 as shipped in @shopify/dev-mcp: surfaces/admin/api/block/block.d.ts, api/standard/standard.d.ts):
 * `data.selected[].id`, `i18n.translate`, and `query` (Direct Admin API access from the extension).
 */
export interface BlockApi {
  data: { selected: Array<{ id: string }> };
  i18n: { translate: (key: string, options?: Record<string, string | number>) => string };
  query: <Data = unknown>(query: string, options?: { variables?: Record<string, unknown> }) => Promise<{ data?: Data; errors?: Array<{ message: string }> }>;
}

export type H<Node> = (type: string, props: Record<string, unknown> | null, ...children: Array<Node | string | null>) => Node;

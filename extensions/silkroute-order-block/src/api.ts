/**
 * The part of the admin block API this block uses, at its documented 2026-10 shape (@shopify/ui-extensions
 * 2026.10.0-rc.11, surfaces/admin/api/block/block.d.ts and api/standard/standard.d.ts, as shipped in
 * @shopify/dev-mcp): `data.selected[].id`, `i18n.translate`, `navigation.navigate`. Declared here so the view is
 * typed and testable without the package, which is not installable offline at 2026.10.
 */
export interface BlockApi {
  data: { selected: Array<{ id: string }> };
  i18n: { translate: (key: string, options?: Record<string, string | number>) => string };
  navigation: { navigate: (url: string) => void };
}

/** Preact's `h(type, props, ...children)`; the entry passes Preact's, tests pass a tree builder. */
export type H<Node> = (type: string, props: Record<string, unknown> | null, ...children: Array<Node | string | null>) => Node;

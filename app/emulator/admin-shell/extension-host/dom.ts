/** DOM pieces of the local admin's block host, kept apart from the entry so they are testable in Node. */

export interface BlockConfig {
  shop: string;
  target: "admin.order-details.block.render" | "admin.product-details.block.render";
  selectedId: string;
  appOrigin: string;
  /** The admin path that opens the embedded app: /store/<handle>/apps/<app>. */
  appAdminPath: string;
  locale: "en" | "zh-CN";
}

type Messages = { [key: string]: string | Messages };

/** Shopify's extension i18n: dotted keys into the locale file, `{{name}}` replaced by the option. */
export function translator(messages: Messages): (key: string, options?: Record<string, string | number>) => string {
  return (key, options = {}) => {
    const value = key.split(".").reduce<string | Messages | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), messages);
    if (typeof value !== "string") return key;
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? ""));
  };
}

/**
 * `h` building DOM: the Polaris web components keep their `s-*` tag names and attributes (the shell's CSS gives
 * them a look), a `heading` shows as a heading, and `s-link`s become anchors: `app:` paths open the embedded app
 * as the admin does, other links open in a new tab.
 */
export function domH(config: Pick<BlockConfig, "appAdminPath">, doc: Document = document) {
  return (type: string, props: Record<string, unknown> | null, ...children: Array<Node | string | null>): HTMLElement => {
    const node = doc.createElement(type);
    for (const [name, value] of Object.entries(props ?? {})) {
      if (value === null || value === undefined || value === false || name === "href") continue;
      node.setAttribute(name, String(value));
    }
    if (typeof props?.heading === "string") {
      const heading = doc.createElement(type === "s-admin-block" ? "h2" : "h3");
      heading.className = "s-heading";
      heading.textContent = props.heading;
      node.append(heading);
    }
    let container: HTMLElement = node;
    if (type === "s-link" && typeof props?.href === "string") {
      const anchor = doc.createElement("a");
      const href = props.href;
      anchor.href = href.startsWith("app:") ? `${config.appAdminPath}${href.slice(4)}` : href;
      if (!href.startsWith("app:")) { anchor.target = "_blank"; anchor.rel = "noopener"; }
      node.append(anchor);
      container = anchor;
    }
    for (const child of children) if (child !== null) container.append(child);
    return node;
  };
}

import type { Core } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { isoAt } from "../clock";
import { userError } from "../shopify-errors";

/**
 * Sales channel publications. A product is visible in a channel only once published to that channel's
 * publication and ACTIVE ("For products to be visible in a channel, they must have an active ProductStatus":
 * publishablePublish, 2026-10). Products created through the Admin API are published nowhere until an app
 * publishes them (https://shopify.dev/docs/apps/build/sales-channels/... ; the emulator used to mark every new
 * product published, which hid exactly that step). A new shop has the Online Store, Point of Sale and Shop
 * channels; only the Online Store supports future publishing.
 */
const DEFAULT_CHANNELS = [
  { title: "Online Store", handle: "online_store", supportsFuturePublishing: true },
  { title: "Point of Sale", handle: "pos", supportsFuturePublishing: false },
  { title: "Shop", handle: "shop", supportsFuturePublishing: false },
];
export const ONLINE_STORE = "Online Store";

const byShop = new WeakMap<ShopState, Rec[]>();
const productPublications = new WeakMap<Rec, Map<string, string>>(); // product → publication id → publish date

function gid(core: Core, type: string): string {
  return core.ids.next("Shop").replace("/Shop/", `/${type}/`);
}

export function publicationsOf(core: Core, state: ShopState): Rec[] {
  let list = byShop.get(state);
  if (!list) {
    list = DEFAULT_CHANNELS.map((c) => {
      const id = gid(core, "Publication");
      const catalog = { __typename: "AppCatalog", id: gid(core, "AppCatalog"), title: c.title, status: "ACTIVE" };
      const channel = { __typename: "Channel", id: gid(core, "Channel"), name: c.title, handle: c.handle, supportsFuturePublishing: c.supportsFuturePublishing };
      const publication: Rec = {
        __typename: "Publication", id, name: c.title, autoPublish: false, supportsFuturePublishing: c.supportsFuturePublishing, catalog,
        channels: () => [channel],
        products: () => [...state.products.values()].filter((p) => productPublications.get(p)?.has(id)),
      };
      return register(state, publication);
    });
    byShop.set(state, list);
  }
  return list;
}

function published(product: Rec): Map<string, string> {
  let map = productPublications.get(product);
  if (!map) productPublications.set(product, (map = new Map()));
  return map;
}

/** The publication fields a product reads (attached when the product is created). */
export function publicationFields(core: Core, state: ShopState, product: Rec): Rec {
  const entries = () => publicationsOf(core, state).map((publication) => {
    const at = published(product).get(publication.id) ?? null;
    return { __typename: "ResourcePublicationV2", publication, publishable: product, isPublished: at !== null && at <= isoAt(core.clock), publishDate: at };
  });
  return {
    publishedAt: () => {
      const online = publicationsOf(core, state).find((p) => p.name === ONLINE_STORE);
      return online ? published(product).get(online.id) ?? null : null;
    },
    resourcePublicationsV2: (args: Rec) => entries().filter((e) => !args.onlyPublished || e.isPublished),
    resourcePublications: (args: Rec) => entries().filter((e) => !args.onlyPublished || e.isPublished).map((e) => ({ ...e, __typename: "ResourcePublication", isPublished: e.isPublished })),
    resourcePublicationsCount: (args: Rec) => ({ count: entries().filter((e) => args.onlyPublished === false || e.isPublished).length, precision: "EXACT" }),
    publishedOnPublication: (args: Rec) => entries().some((e) => e.publication.id === args.publicationId && e.isPublished),
    availablePublicationsCount: () => ({ count: publicationsOf(core, state).length, precision: "EXACT" }),
  };
}

function mutate(core: Core, state: ShopState, id: string, inputs: Rec[], publish: boolean): Rec {
  const resource = state.nodes.get(id);
  const payload = (userErrors: Rec[]) => ({ publishable: userErrors.length ? null : resource, shop: state.shop, userErrors });
  if (!resource || (resource.__typename !== "Product" && resource.__typename !== "Collection")) return payload([userError(["id"], "Resource does not exist")]);
  const all = publicationsOf(core, state);
  const now = isoAt(core.clock);
  const targets: Array<{ publication: Rec; at: string }> = [];
  for (const [i, input] of inputs.entries()) {
    const publication = all.find((p) => p.id === input.publicationId || (input.channelId && p.channels()[0].id === input.channelId));
    if (!publication) return payload([userError(["input", String(i), "publicationId"], "Publication does not exist")]);
    const at = input.publishDate && publish ? new Date(input.publishDate).toISOString() : now;
    if (publish && at > now && !publication.supportsFuturePublishing) return payload([userError(["input", String(i), "publishDate"], "Future publishing is not supported by this channel")]);
    // "Products sold exclusively on subscription (requiresSellingPlan: true) can only be published to online stores."
    if (publish && resource.requiresSellingPlan && publication.name !== ONLINE_STORE) return payload([userError(["input", String(i), "publicationId"], "Products that require a selling plan can only be published to online stores")]);
    targets.push({ publication, at });
  }
  for (const { publication, at } of targets) {
    if (publish) published(resource).set(publication.id, published(resource).get(publication.id) ?? at);
    else published(resource).delete(publication.id);
  }
  resource.updatedAt = now;
  return payload([]);
}

export const publishablePublish = (core: Core, state: ShopState, id: string, input: Rec[]) => mutate(core, state, id, input, true);
export const publishableUnpublish = (core: Core, state: ShopState, id: string, input: Rec[]) => mutate(core, state, id, input, false);

/** What a buyer can see and buy on the Online Store: ACTIVE products published to it. */
export function onlineStoreProducts(core: Core, state: ShopState): Rec[] {
  const online = publicationsOf(core, state).find((p) => p.name === ONLINE_STORE);
  const now = isoAt(core.clock);
  return [...state.products.values()].filter((p) => {
    const at = online ? productPublications.get(p)?.get(online.id) : undefined;
    return p.status === "ACTIVE" && at !== undefined && at <= now;
  });
}

/** Refuses a storefront checkout with a line the Online Store does not sell (absent from the storefront). */
export function assertSoldOnline(core: Core, state: ShopState, variantIds: string[]): void {
  const visible = new Set(onlineStoreProducts(core, state).map((p) => p.id));
  for (const id of variantIds) {
    const variant = state.nodes.get(id);
    if (!variant || !visible.has(variant.product?.id)) throw new Error(`Variant ${id} is not available on the Online Store (its product is not published there, or not active).`);
  }
}

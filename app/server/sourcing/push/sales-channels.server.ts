import db from "../../../db.server";
import type { AdminClient } from "../../shopify/admin-client";
import { getSourcingSettings } from "../settings.server";
import { PUBLISH_PRODUCT, SALES_CHANNELS } from "./push-operations";

/**
 * Where imported products become visible. Products created through the Admin API are published to no sales
 * channel until the app publishes them (publishablePublish, 2026-10), so every push publishes to the channels
 * the merchant chose in sourcing settings (the Online Store by default) and records them on the import item.
 */
export const DEFAULT_CHANNEL = "Online Store";

export interface SalesChannel { id: string; title: string }

export async function salesChannels(admin: AdminClient): Promise<SalesChannel[]> {
  const data = await admin.request(SALES_CHANNELS);
  return data.publications.nodes.map((p) => ({ id: p.id, title: p.catalog?.title ?? p.id }));
}

/** The chosen channels that still exist; the Online Store when the merchant chose none (or only removed ones). */
export function chosenChannels(all: readonly SalesChannel[], chosen: readonly string[] | null): SalesChannel[] {
  const picked = chosen ? all.filter((c) => chosen.includes(c.id)) : [];
  return picked.length ? picked : all.filter((c) => c.title === DEFAULT_CHANNEL);
}

/** A per-push memo so a job of many products asks for the channel list once. */
export type ChannelCache = { channels?: Promise<SalesChannel[]> };

export async function publishImportedProduct(admin: AdminClient, shop: string, importItemId: string, productGid: string, cache: ChannelCache = {}): Promise<string[]> {
  const settings = await getSourcingSettings(shop);
  cache.channels ??= salesChannels(admin);
  const targets = chosenChannels(await cache.channels, settings.publicationGids);
  if (targets.length) await admin.request(PUBLISH_PRODUCT, { id: productGid, input: targets.map((c) => ({ publicationId: c.id })) });
  const names = targets.map((c) => c.title);
  await db.importItem.updateMany({ where: { id: importItemId, shop }, data: { publishedTo: names.join(", ") } });
  return names;
}

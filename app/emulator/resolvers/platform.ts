import type { GraphQLResolveInfo } from "graphql";
import type { RootResolvers } from "../context";
import { register, type Rec, type ShopState } from "../state";
import { isoAt } from "../clock";
import { bulkOperationRunMutation, currentBulkOperation, stagedUploadsCreate } from "../domains/bulk-operations";
import { bulkOperationRunQuery } from "../domains/bulk-query";
import { topicToEnum } from "../webhooks/topics";
import { matchesQuery } from "../search-query";
import {
  deliveryCustomizationCreate, deliveryCustomizationDelete, deliveryCustomizationsOf, deliveryCustomizationUpdate, shopifyFunctions,
} from "../domains/delivery-customizations";

function asNode(rec: Rec | undefined, info: GraphQLResolveInfo): Rec | null {
  if (!rec) return null;
  const nodeType = info.schema.getType("Node");
  const ok = nodeType && info.schema.getPossibleTypes(nodeType as never).some((t) => t.name === rec.__typename);
  return ok ? rec : null;
}

function subscriptionsMatching(shop: ShopState, a: Rec): Rec[] {
  return shop.webhookSubscriptions.filter((s) =>
    (!a.topics?.length || a.topics.includes(s.topic)) && (!a.uri || s.uri === a.uri) && (!a.callbackUrl || s.uri === a.callbackUrl));
}

export const platformQueries: RootResolvers = {
  shop: (_a, { shop }) => shop.shop,
  node: (a, { shop }, info) => asNode(shop.nodes.get(a.id), info),
  nodes: (a, { shop }, info) => (a.ids as string[]).map((id) => asNode(shop.nodes.get(id), info)),
  currentBulkOperation: (a, { shop }) => currentBulkOperation(shop, a.type),
  bulkOperation: (a, { shop }) => shop.bulkOperations.find((b) => b.id === a.id) ?? null,
  bulkOperations: (_a, { shop }) => [...shop.bulkOperations].reverse(),
  webhookSubscription: (a, { shop }) => shop.webhookSubscriptions.find((s) => s.id === a.id) ?? null,
  webhookSubscriptions: (a, { shop }) => subscriptionsMatching(shop, a),
  currentAppInstallation: (_a, { shop, core }) => ({
    __typename: "AppInstallation",
    id: `gid://shopify/AppInstallation/${core.appId}`,
    accessScopes: shop.scopes.map((handle) => ({ handle, description: handle })),
    app: { __typename: "App", id: `gid://shopify/App/${core.appId}`, apiKey: core.apiKey, title: "Silkroute", handle: "silkroute" },
    metafields: [],
  }),
  shopifyFunctions: (a, { core, shop }) => shopifyFunctions(core, shop, a.apiType),
  shopifyFunction: (a, { core, shop }) => shopifyFunctions(core, shop).find((f) => f.id === a.id) ?? null,
  deliveryCustomizations: (a, { shop }) => deliveryCustomizationsOf(shop).filter((c) => matchesQuery(a.query, (k) => {
    if (k === "enabled") return [String(c.enabled)];
    if (k === "function_id") return [c.functionId];
    if (k === "id") return [c.id.split("/").pop()];
    return undefined;
  }, c.title)),
  deliveryCustomization: (a, { shop }) => deliveryCustomizationsOf(shop).find((c) => c.id === a.id) ?? null,
};

export const platformMutations: RootResolvers = {
  deliveryCustomizationCreate: (a, { core, shop }) => deliveryCustomizationCreate(core, shop, a.deliveryCustomization),
  deliveryCustomizationUpdate: (a, { core, shop }) => deliveryCustomizationUpdate(core, shop, a.id, a.deliveryCustomization),
  deliveryCustomizationDelete: (a, { shop }) => deliveryCustomizationDelete(shop, a.id),
  stagedUploadsCreate: (a, { core, shop }) => stagedUploadsCreate(core, shop, a.input),
  bulkOperationRunMutation: (a, ctx) => bulkOperationRunMutation(ctx, a),
  bulkOperationRunQuery: (a, ctx) => bulkOperationRunQuery(ctx, a),
  webhookSubscriptionCreate: (a, { core, shop }) => {
    const input = a.webhookSubscription ?? {};
    const uri = input.uri ?? input.callbackUrl;
    if (!uri) return { webhookSubscription: null, userErrors: [{ field: ["webhookSubscription", "uri"], message: "Address can't be blank" }] };
    if (shop.webhookSubscriptions.some((s) => s.topic === a.topic && s.uri === uri)) {
      return { webhookSubscription: null, userErrors: [{ field: ["webhookSubscription", "callbackUrl"], message: "Address for this topic has already been taken" }] };
    }
    const now = isoAt(core.clock);
    const sub: Rec = register(shop, {
      __typename: "WebhookSubscription",
      id: core.ids.next("WebhookSubscription"),
      topic: a.topic,
      uri,
      format: input.format ?? "JSON",
      includeFields: input.includeFields ?? [],
      metafieldNamespaces: input.metafieldNamespaces ?? [],
      filter: input.filter ?? null,
      name: input.name ?? null,
      createdAt: now,
      updatedAt: now,
      apiVersion: { __typename: "ApiVersion", handle: "2026-10", displayName: "2026-10", supported: true },
      endpoint: { __typename: "WebhookHttpEndpoint", callbackUrl: uri },
      callbackUrl: uri,
    });
    shop.webhookSubscriptions.push(sub);
    return { webhookSubscription: sub, userErrors: [] };
  },
  webhookSubscriptionDelete: (a, { shop }) => {
    const i = shop.webhookSubscriptions.findIndex((s) => s.id === a.id);
    if (i < 0) return { deletedWebhookSubscriptionId: null, userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }] };
    shop.webhookSubscriptions.splice(i, 1);
    return { deletedWebhookSubscriptionId: a.id, userErrors: [] };
  },
};

export { topicToEnum };

import type { RootResolvers } from "../context";
import type { Rec } from "../state";
import { platformQueries } from "./platform";
import { activeSubscriptions, allSubscriptions, appSubscriptionCancel, appSubscriptionCreate } from "../domains/app-subscriptions";

export const billingQueries: RootResolvers = {
  // The installation as platform.ts builds it, plus its app charges.
  currentAppInstallation: (a, ctx, info) => ({
    ...(platformQueries.currentAppInstallation!(a, ctx, info) as Rec),
    activeSubscriptions: () => activeSubscriptions(ctx.core, ctx.shop),
    allSubscriptions: () => allSubscriptions(ctx.core, ctx.shop),
  }),
};

export const billingMutations: RootResolvers = {
  appSubscriptionCreate: (a, { core, shop }) => appSubscriptionCreate(core, shop, a),
  appSubscriptionCancel: (a, { core, shop }) => appSubscriptionCancel(core, shop, a),
};

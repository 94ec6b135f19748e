import type { GraphQLResolveInfo } from "graphql";
import type { Clock } from "./clock";
import type { Ids, Rec, ShopState } from "./state";

/** What domain code may use from the running emulator; kept narrow so domains don't reach into HTTP. */
export interface Core {
  clock: Clock;
  ids: Ids;
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  /** Numeric app id used to expand the `$app` metafield namespace into `app--<id>`. */
  appId: number;
  baseUrl(): string;
  shops: Map<string, ShopState>;
  /** Queue a webhook topic for every subscription of this shop. */
  emit(state: ShopState, topic: string, payload: Rec): void;
  /** POST {"kind": ...} to <callbackUrl>/fulfillment_order_notification of the service owning the location. */
  notifyFulfillmentService(state: ShopState, location: Rec, kind: "FULFILLMENT_REQUEST" | "CANCELLATION_REQUEST"): void;
  /** Track async work (product operations, bulk operations, deliveries) so controls.settle() can await it. */
  background(task: () => Promise<unknown>): void;
}

export interface ResolverContext {
  core: Core;
  shop: ShopState;
}

export type RootResolver = (args: Rec, ctx: ResolverContext, info: GraphQLResolveInfo) => unknown;
export type RootResolvers = Record<string, RootResolver>;

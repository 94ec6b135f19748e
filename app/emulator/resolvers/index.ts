import type { RootResolvers } from "../context";
import { billingMutations, billingQueries } from "./billing";
import { catalogMutations, catalogQueries } from "./catalog";
import { deliveryProfileMutations, deliveryProfileQueries } from "./delivery-profiles";
import { fulfillmentMutations, fulfillmentQueries } from "./fulfillment";
import { platformMutations, platformQueries } from "./platform";
import { publicationMutations, publicationQueries } from "./publications";

/** Root fields the emulator models; every other root field resolves to a schema-valid default. */
export const queryResolvers: RootResolvers = { ...platformQueries, ...catalogQueries, ...fulfillmentQueries, ...publicationQueries, ...deliveryProfileQueries, ...billingQueries };
export const mutationResolvers: RootResolvers = { ...platformMutations, ...catalogMutations, ...fulfillmentMutations, ...publicationMutations, ...deliveryProfileMutations, ...billingMutations };

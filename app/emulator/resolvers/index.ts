import type { RootResolvers } from "../context";
import { billingMutations, billingQueries } from "./billing";
import { catalogMutations, catalogQueries } from "./catalog";
import { fulfillmentMutations, fulfillmentQueries } from "./fulfillment";
import { platformMutations, platformQueries } from "./platform";

/** Root fields the emulator models; every other root field resolves to a schema-valid default. */
export const queryResolvers: RootResolvers = { ...platformQueries, ...catalogQueries, ...fulfillmentQueries, ...billingQueries };
export const mutationResolvers: RootResolvers = { ...platformMutations, ...catalogMutations, ...fulfillmentMutations, ...billingMutations };

export { createEmulator, DEFAULT_SCOPES, type Emulator, type EmulatorOptions } from "./emulator";
export { manualClock, systemClock, type Clock, type ManualClock } from "./clock";
export { createShopifyFetch, routeShopifyApiToEmulator } from "./shopify-fetch";
export { signSessionToken } from "./auth/jwt";
export { PLANS, type PlanKey } from "./plans";
export type { Controls } from "./controls";

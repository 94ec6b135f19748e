import "@shopify/shopify-app-remix/adapters/node";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import {
  ApiVersion,
  AppDistribution,
  DeliveryMethod,
  LogSeverity,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import db from "./db.server";
import { APP_SCOPES, loadConfig } from "./server/config";
import { recordInstall } from "./server/shops.server";
import { enqueueAfterInstall } from "./server/install/after-install.server";
import { addSecurityHeaders } from "./server/http/security-headers";
import { allowAdminShellFraming, frameableByAdminShell, routeShopifyTrafficToEmulator } from "./server/shopify/emulator-routing.server";

// The node adapter captures fetch once at import; look it up per call instead, so msw in tests and the
// offline demo's Shopify routing (which replace globalThis.fetch) reach the library's requests too.
setAbstractFetchFunc((input, init) => globalThis.fetch(input, init));

export const config = loadConfig();
// Demo/test mode with SHOPIFY_EMULATOR_URL only: Shopify traffic goes to the local emulator.
routeShopifyTrafficToEmulator();

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: ApiVersion.October26,
  scopes: [...APP_SCOPES],
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db),
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: true,
  // The library logs every authentication at info; tests and quiet deployments keep only problems.
  logger: { level: logLevel(process.env.SHOPIFY_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "error" : "info")) },
  future: {
    // Shopify-managed install + token exchange instead of the OAuth redirect dance.
    unstable_newEmbeddedAuthStrategy: true,
    // Required for public apps from 2027-01-01; the library refreshes tokens before they expire.
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    afterAuth: async ({ session }) => {
      await recordInstall(session.shop, session.scope);
      await enqueueAfterInstall(session.shop);
    },
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = ApiVersion.October26;
export const addDocumentResponseHeaders: typeof shopify.addDocumentResponseHeaders = (request, headers) => {
  shopify.addDocumentResponseHeaders(request, headers);
  // The library sets frame-ancestors only when the URL names a valid shop; every other page (/auth/login, a bad
  // ?shop=) may be framed by Shopify's admin only, never by another site (docs/adr/0710-public-routes.md).
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", "frame-ancestors https://admin.shopify.com;");
  allowAdminShellFraming(headers, config);
  addSecurityHeaders(request, headers);
};
export const authenticate = frameableByAdminShell(shopify.authenticate, config);
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
export { DeliveryMethod };

function logLevel(name: string): LogSeverity {
  const levels: Record<string, LogSeverity> = {
    error: LogSeverity.Error, warning: LogSeverity.Warning, info: LogSeverity.Info, debug: LogSeverity.Debug,
  };
  return levels[name.toLowerCase()] ?? LogSeverity.Info;
}

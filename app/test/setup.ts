// Per-file setup. Secrets for tests are fixed, never real; test mode is what allows them (app/server/config.ts).
process.env.SILKROUTE_MODE ??= "test";
process.env.SHOPIFY_API_KEY ??= "silkroute-test-api-key";
process.env.SHOPIFY_API_SECRET ??= "silkroute-test-api-secret";
process.env.SHOPIFY_APP_URL ??= "http://127.0.0.1:3000";
process.env.SILKROUTE_ENCRYPTION_KEYS ??= "k1:" + Buffer.alloc(32, 7).toString("base64");

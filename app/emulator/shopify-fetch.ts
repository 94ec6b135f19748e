/**
 * The Shopify libraries always build `https://<shop>/admin/...` URLs (admin-api-client forces https, token
 * exchange hard-codes it). Rather than patch them, the app swaps the fetch they use (shopify-api's documented
 * `setAbstractFetchFunc` runtime hook) for this one, which reroutes Shopify-bound calls to the emulator as
 * `<emulatorUrl>/shops/<shop>/admin/...` and passes everything else through untouched.
 */
export function createShopifyFetch(emulatorUrl: string, base: typeof fetch = globalThis.fetch, isShopHost: (host: string) => boolean = (h) => h.endsWith(".myshopify.com")): typeof fetch {
  const root = emulatorUrl.replace(/\/$/, "");
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    if (!isShopHost(url.hostname) || !url.pathname.startsWith("/admin/")) return base(input, init);
    const target = `${root}/shops/${url.hostname}${url.pathname}${url.search}`;
    if (!request) return base(target, init);
    const body = ["GET", "HEAD"].includes(request.method) ? undefined : await request.arrayBuffer();
    return base(target, { method: request.method, headers: request.headers, body, ...init });
  }) as typeof fetch;
}

/** Points @shopify/shopify-api (and so shopify-app-remix) at the emulator for this process. */
export async function routeShopifyApiToEmulator(emulatorUrl: string, base: typeof fetch = (i, init) => globalThis.fetch(i, init)): Promise<void> {
  const runtime = await import("@shopify/shopify-api/runtime");
  runtime.setAbstractFetchFunc(createShopifyFetch(emulatorUrl, base) as never);
}

import { fail, ok, type SupplierResult } from "../supplier-result";
import { sandboxError, sandboxNetworkError } from "./errors";

export interface SandboxClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
}


/** The only file that talks HTTP to the sandbox supplier. Returns the `data` of `{code: 0, data}` or a SupplierError. */
export function createSandboxClient(options: SandboxClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/$/, "");

  async function request(method: "GET" | "POST", path: string, init: { query?: Record<string, string | undefined>; body?: unknown; signal: AbortSignal }): Promise<SupplierResult<unknown>> {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined && v !== "") url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: init.body === undefined ? undefined : { "content-type": "application/json" },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      });
    } catch (error) {
      if (init.signal.aborted) throw error; // the timeout wrapper turns this into a timeout result
      return fail(sandboxNetworkError());
    }
    const payload = (await response.json().catch(() => ({}))) as { code?: unknown; data?: unknown; message?: string };
    if (response.ok && payload.code === 0) return ok(payload.data);
    return fail(sandboxError(response.status, typeof payload.code === "string" ? payload.code : undefined, payload.message));
  }

  const path = (key: string) => encodeURIComponent(key);
  return {
    searchProducts: (query: Record<string, string | undefined>, signal: AbortSignal) => request("GET", "/v1/products", { query, signal }),
    getProduct: (pid: string, signal: AbortSignal) => request("GET", `/v1/products/${path(pid)}`, { signal }),
    getChanges: (after: number, limit: number, signal: AbortSignal) => request("GET", "/v1/changes", { query: { after: String(after), limit: String(limit) }, signal }),
    getStock: (vids: readonly string[], warehouse: string, signal: AbortSignal) => request("POST", "/v1/stock", { body: { vids, warehouse }, signal }),
    createOrder: (body: unknown, signal: AbortSignal) => request("POST", "/v1/orders", { body, signal }),
    getOrder: (key: string, signal: AbortSignal) => request("GET", `/v1/orders/${path(key)}`, { signal }),
    confirmOrder: (key: string, signal: AbortSignal) => request("POST", `/v1/orders/${path(key)}/confirm`, { signal }),
    cancelOrder: (key: string, signal: AbortSignal) => request("POST", `/v1/orders/${path(key)}/cancel`, { signal }),
    getTracking: (key: string, signal: AbortSignal) => request("GET", `/v1/orders/${path(key)}/tracking`, { signal }),
  };
}

export type SandboxClient = ReturnType<typeof createSandboxClient>;

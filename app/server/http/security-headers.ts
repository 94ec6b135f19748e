/**
 * Headers every response carries (docs/adr/0710-public-routes.md): no MIME sniffing, no full URL (with its shop,
 * host and id_token query) leaked to other origins, and HSTS when the request reached us over TLS (directly or
 * through a proxy that says so; browsers ignore HSTS on plain HTTP anyway). Framing (CSP frame-ancestors) is
 * per page and set with the document headers (app/shopify.server.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};
export const HSTS = "max-age=31536000; includeSubDomains";

const forwardedHttps = (value: string | string[] | null | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim().toLowerCase() === "https";

/** The request reached us over TLS, directly or through a proxy that says so: its answer carries HSTS. */
export const reachedOverTls = (req: IncomingMessage): boolean => Boolean((req.socket as TLSSocket).encrypted) || forwardedHttps(req.headers["x-forwarded-proto"]);

/**
 * node:http form, for the production listener: added when the head is written (explicitly or implicitly), and only
 * those the handler did not set itself, so a Remix document that already carries them does not get them twice.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = { ...SECURITY_HEADERS };
  if (reachedOverTls(req)) headers["Strict-Transport-Security"] = HSTS;
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    for (const [name, value] of Object.entries(headers)) if (!this.hasHeader(name)) this.setHeader(name, value);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}

/** Fetch API form, for Remix documents (also under `remix dev`, which the production listener does not serve). */
export function addSecurityHeaders(request: Request, headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  if (new URL(request.url).protocol === "https:" || forwardedHttps(request.headers.get("x-forwarded-proto"))) headers.set("Strict-Transport-Security", HSTS);
}

/**
 * The checkout-rates role's server (ADR 0722): Shopify's CarrierService callback and nothing else. POST
 * /carrier-service/rates takes the same fast path `npm start`'s server runs before Express; any other method there
 * is 405, any other path 404, both closing the connection (nothing else is ever sent here on purpose, and a body
 * is not read). No Remix build, Express or admin UI is imported, which is what makes the process small.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { CARRIER_SERVICE_RATES_PATH, carrierServiceFastPath } from "./carrier-service-fast-path";
import { applySecurityHeaders } from "./security-headers";

function refuse(req: IncomingMessage, res: ServerResponse): void {
  applySecurityHeaders(req, res);
  const url = req.url ?? "";
  const end = url.indexOf("?");
  const path = end < 0 ? url : url.slice(0, end);
  const onCallbackPath = path === CARRIER_SERVICE_RATES_PATH || path === `${CARRIER_SERVICE_RATES_PATH}/`;
  const body = onCallbackPath ? "Only POST is answered here" : "Not found: this process serves only the checkout-rate callback";
  res.writeHead(onCallbackPath ? 405 : 404, {
    "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body), Connection: "close",
    ...(onCallbackPath ? { Allow: "POST" } : {}),
  }).end(body);
}

export function createRatesServer(): Server {
  return createServer((req, res) => {
    if (!carrierServiceFastPath(req, res)) refuse(req, res);
  });
}

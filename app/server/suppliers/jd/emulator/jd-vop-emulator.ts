// The offline JD VOP (legacy bizapi gateway) built from /work/shared/reference/supplier-contracts/jd-contract.json
// and adapter-review.md. Tests, the supplier check and `npm run demo` share it; each behaviour cites its entry.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { localServer } from "../../emulator-http/local-server";
import { systemClock, type Clock } from "../../resilience/clock";
import { createVopAuth, type VopAccount } from "./vop-auth";
import { createVopCatalog } from "./vop-catalog";
import { refusal, VopError } from "./vop-envelope";
import { createVopMessageQueue } from "./vop-messages";
import { createVopOrderBook } from "./vop-orders";
import { routeVop, type VopRouteContext } from "./vop-routes";

export interface JdVopEmulatorOptions {
  /** Drives orders and messages (the demo speeds it up). */
  clock?: Clock;
  /** Drives token timestamps and expiry; defaults to `clock`. The demo keeps it on wall time, because
   * clients sign with their own wall clock and JD allows only 30 minutes of skew. */
  authClock?: Clock;
  account?: VopAccount;
  seed?: number;
  skusPerPool?: number;
  /** getSkuByPage page size; JD's is up to 10,000 ("每页最多 10000 条数据"), tests shrink it to see paging. */
  skuIdsPerPage?: number;
  balanceFen?: number;
}

/** Test credentials the emulator accepts out of the box (demo "Connect JD VOP (emulated)"). */
export const EMULATED_JD_ACCOUNT: VopAccount = { clientId: "silkroute-demo", clientSecret: "demo-secret", username: "silkroute_vop", password: "demo-password" };

const MAX_BODY = 256 * 1024; // bounded read: a VOP form body is small

export function createJdVopEmulator(options: JdVopEmulatorOptions = {}) {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const account = options.account ?? EMULATED_JD_ACCOUNT;
  const catalog = createVopCatalog({ seed: options.seed ?? 20261206, skusPerPool: options.skusPerPool ?? 60 });
  const messages = createVopMessageQueue(now);
  const orders = createVopOrderBook({ catalog, messages, now, balanceFen: options.balanceFen ?? 100_000_000 });
  const ctx: VopRouteContext = { auth: createVopAuth(account, () => (options.authClock ?? clock).now()), catalog, orders, messages, skuIdsPerPage: options.skuIdsPerPage ?? 10_000 };
  const calls: string[] = [];
  const lastForms = new Map<string, Record<string, string>>(); // one per path: bounded by the route table

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://vop.local").pathname;
    if (req.method !== "POST") return send(res, 405, { error: "VOP APIs are POST" });
    if (calls.length < 10_000) calls.push(path);
    let body: string;
    try { body = await readBody(req); } catch { return send(res, 413, { error: "body too large" }); }
    const params = new URLSearchParams(body);
    if (calls.length < 10_000) lastForms.set(path, Object.fromEntries(params));
    try {
      send(res, 200, routeVop(ctx, path, params));
    } catch (error) {
      if (error instanceof VopError) return send(res, error.code === "404" ? 404 : 200, refusal(error));
      send(res, 200, refusal(new VopError("5001", "服务异常，请稍后重试")));
    }
  }

  const server = createServer((req, res) => void handler(req, res));
  const local = localServer(server);

  return {
    handler,
    account,
    catalog,
    orders,
    messages,
    /** Paths called so far (bounded), for tests that assert what was (not) sent. */
    calls,
    /** The last form body sent to a path (tests assert what a client sent). */
    lastForm: (path: string) => lastForms.get(path),
    /** JD revokes every access token early: the next business call answers 2007. */
    expireTokens: () => ctx.auth.expireAll(),
    /** JD changes a customer price (fen; -1 = no price) and announces it as message type 2. */
    setPrice(skuId: number, fen: number) { catalog.setPrice(skuId, fen); messages.push(2, { skuId }); },
    /** JD puts a SKU on or off the shelf and announces it as message type 4. */
    setShelf(skuId: number, on: boolean) { catalog.setShelf(skuId, on); messages.push(4, { skuId, state: on ? 1 : 0 }); },
    listen: local.listen,
    close(): Promise<void> {
      return local.close();
    },
  };
}

export type JdVopEmulator = ReturnType<typeof createJdVopEmulator>;

/**
 * For the supplier check and the contract suite: a running emulator and the credentials it accepts.
 * `npm run supplier:check -- --supplier jd` adds JD with one entry calling this and `buildJdAdapterFor`.
 */
export async function startJdVopEmulator(port = 0, options: JdVopEmulatorOptions = {}) {
  const emulator = createJdVopEmulator(options);
  const { url } = await emulator.listen(port);
  return { emulator, url, credentials: { ...emulator.account }, close: () => emulator.close() };
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(payload));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

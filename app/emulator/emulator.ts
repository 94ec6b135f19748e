import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import { systemClock, type Clock } from "./clock";
import type { Core, ResolverContext } from "./context";
import { idSequence, type Rec, type ShopState } from "./state";
import { TokenStore } from "./auth/tokens";
import { WebhookSender, DEFAULT_RETRY_DELAYS_MS } from "./webhooks/delivery";
import { readAppToml, type AppTomlWebhook } from "./webhooks/toml";
import { topicToEnum } from "./webhooks/topics";
import { createRateCache } from "./checkout";
import { handleGraphql, type GraphqlRequestBody } from "./graphql-endpoint";
import { createControls, type Controls } from "./controls";
import { fetchHandler, nodeHandler, type RouteDeps } from "./http-server";
import { adminSchema } from "./schema";
import { randomUUID } from "node:crypto";

export const DEFAULT_APP_TOML = fileURLToPath(new URL("../../shopify.app.toml", import.meta.url));
export const DEFAULT_SCOPES = [
  "read_products", "write_products", "read_orders", "write_shipping", "write_fulfillments", "read_inventory", "write_inventory",
  "read_locations", "read_assigned_fulfillment_orders", "write_assigned_fulfillment_orders",
  "read_merchant_managed_fulfillment_orders", "write_merchant_managed_fulfillment_orders", "write_files",
];

export interface EmulatorOptions {
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  clock?: Clock;
  /** Path of shopify.app.toml to read webhook subscriptions and scopes from; null to skip. */
  appTomlPath?: string | null;
  scopes?: string[];
  /** Outbound HTTP (webhooks, carrier-service callbacks, fulfillment-service notifications). */
  fetch?: typeof fetch;
  webhookRetryDelaysMs?: number[];
  webhookTimeoutMs?: number;
  carrierTimeoutMs?: number;
}

export interface Emulator {
  readonly url: string;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  controls: Controls;
  /** In-process Admin GraphQL call (same validation, cost and throttle as HTTP, no token check). */
  graphql(shop: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Answers a Fetch API Request in-process (any https://<shop>.myshopify.com/admin/... or /_emulator/... URL). */
  handle(request: Request): Promise<Response>;
  /** A fetch that answers https://<shop>.myshopify.com/admin/... in-process and passes everything else to `base`. */
  shopifyFetch(base?: typeof fetch): typeof fetch;
  core: Core;
  tokens: TokenStore;
  sender: WebhookSender;
}

export function createEmulator(options: EmulatorOptions): Emulator {
  adminSchema(); // pay the one-off schema build at startup, not on the first request
  const clock = options.clock ?? systemClock;
  const outbound = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const toml = options.appTomlPath === null ? null : readAppToml(options.appTomlPath ?? DEFAULT_APP_TOML);
  const appSubscriptions: AppTomlWebhook[] = [...(toml?.subscriptions ?? [])];
  const scopes = options.scopes ?? (toml?.scopes.length ? toml.scopes : DEFAULT_SCOPES);
  const pending = new Set<Promise<unknown>>();
  let baseUrl = "http://127.0.0.1:0";
  let server: Server | undefined;

  const background = (task: () => Promise<unknown>) => {
    const p: Promise<unknown> = task().catch((error) => console.error("[emulator] background task failed:", (error as Error).message)).finally(() => pending.delete(p));
    pending.add(p);
  };
  const sender = new WebhookSender({
    secret: () => options.apiSecret, clock, fetch: outbound, background,
    retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS, timeoutMs: options.webhookTimeoutMs ?? 5000,
  });
  const resolveUri = (uri: string) => new URL(uri, options.appUrl.endsWith("/") ? options.appUrl : `${options.appUrl}/`).toString();

  const core: Core = {
    clock, ids: idSequence(), apiKey: options.apiKey, apiSecret: options.apiSecret, appUrl: options.appUrl,
    appId: 9_000_000 + (Array.from(options.apiKey).reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_000, 7)),
    baseUrl: () => baseUrl,
    shops: new Map<string, ShopState>(),
    background,
    emit(state, topic, payload) {
      const eventId = randomUUID();
      state.events.push({ topic, shop: state.domain, at: new Date(clock.now()).toISOString(), payload, eventId });
      if (!state.installed && topic !== "app/uninstalled") return;
      const urls = new Set<string>();
      for (const sub of appSubscriptions) if (sub.topics.includes(topic)) urls.add(resolveUri(sub.uri));
      for (const sub of state.webhookSubscriptions) if (sub.topic === topicToEnum(topic)) urls.add(resolveUri(sub.uri));
      for (const url of urls) sender.send({ shop: state.domain, topic, url, payload, eventId });
    },
    notifyFulfillmentService(state, location: Rec, kind) {
      const service = location.fulfillmentService;
      if (!service?.callbackUrl || !state.installed) return;
      const url = `${String(service.callbackUrl).replace(/\/$/, "")}/fulfillment_order_notification`;
      sender.send({ shop: state.domain, topic: "fulfillment_order_notification", url, payload: { kind }, eventId: randomUUID() });
    },
  };
  const tokens = new TokenStore(clock);
  const rateCache = createRateCache();
  const controls = createControls({
    core, tokens, sender, scopes, appSubscriptions, pending,
    checkout: { core, fetch: outbound, timeoutMs: options.carrierTimeoutMs ?? 10_000, cache: rateCache },
  });

  const routeDeps: RouteDeps = { core, tokens, controls, scopes };
  const handle = (request: Request) => fetchHandler(routeDeps, request);
  const graphql = async (shop: string, query: string, variables?: Record<string, unknown>) => {
    const state = core.shops.get(shop);
    if (!state) throw new Error(`Unknown shop ${shop}`);
    const ctx: ResolverContext = { core, shop: state };
    return (await handleGraphql(ctx, { query, variables } as GraphqlRequestBody)).body;
  };

  return {
    get url() { return baseUrl; },
    async listen(port = 0, host = "127.0.0.1") {
      server = createServer((req, res) => void nodeHandler(routeDeps, req, res));
      await new Promise<void>((resolve) => server!.listen(port, host, resolve));
      const address = server.address() as AddressInfo;
      baseUrl = `http://${host}:${address.port}`;
      return baseUrl;
    },
    async close() {
      if (server) {
        server.closeAllConnections?.();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
    },
    controls,
    graphql,
    handle,
    shopifyFetch: (base = (i, init) => globalThis.fetch(i, init)) => (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const host = new URL(request.url).hostname;
      return host.endsWith(".myshopify.com") && new URL(request.url).pathname.startsWith("/admin/") ? handle(request) : base(input, init);
    }) as typeof fetch,
    core,
    tokens,
    sender,
  };
}

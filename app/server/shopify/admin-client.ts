import { ClientError, GraphQLClient } from "graphql-request";
import type { AdminMutations, AdminQueries } from "@shopify/admin-api-client";
import { AdminGraphqlError, AdminHttpError, AdminRetriesExhausted, AdminUserErrors, type UserError } from "./admin-errors";
import { CostPacer, realClock, type Clock, type ThrottleStatus } from "./cost-pacer";

export const ADMIN_API_VERSION = "2026-10";

type Operations = AdminQueries & AdminMutations;
export type VariablesOf<Doc extends string> = Doc extends keyof Operations ? Operations[Doc]["variables"] : Record<string, unknown>;
export type DataOf<Doc extends string> = Doc extends keyof Operations ? Operations[Doc]["return"] : unknown;

export interface AdminClientOptions {
  shop: string;
  accessToken: string;
  pacer?: CostPacer;
  clock?: Clock;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

interface RawResponse {
  status: number;
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus } };
}

// One pacer per process: every client for a shop shares that shop's bucket.
export const sharedPacer = new CostPacer();

const operationName = (document: string) => /\b(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(document)?.[1] ?? "anonymous";
const isMutation = (document: string) => /^\s*(?:#graphql\s*)?mutation\b/.test(document);

/**
 * Admin GraphQL client for one shop: named #graphql documents in, typed data out. It waits for cost
 * budget before sending, retries THROTTLED, 5xx and network failures with backoff and jitter, and
 * turns mutation userErrors into AdminUserErrors.
 */
export class AdminClient {
  private readonly client: GraphQLClient;
  private readonly pacer: CostPacer;
  private readonly clock: Clock;
  private static readonly lastCost = new Map<string, number>();

  constructor(private readonly options: AdminClientOptions) {
    this.pacer = options.pacer ?? sharedPacer;
    this.clock = options.clock ?? realClock;
    this.client = new GraphQLClient(`https://${options.shop}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
      headers: { "X-Shopify-Access-Token": options.accessToken },
      errorPolicy: "all",
    });
  }

  get shop(): string {
    return this.options.shop;
  }

  async request<Doc extends string>(document: Doc, variables?: VariablesOf<Doc>): Promise<DataOf<Doc>> {
    const name = operationName(document);
    const maxAttempts = this.options.maxAttempts ?? 6;
    let lastError = "";
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await this.pacer.reserve(this.shop, AdminClient.lastCost.get(name) ?? 50);
      const response = await this.send(document, variables);
      const cost = response.extensions?.cost;
      if (cost?.throttleStatus) this.pacer.observe(this.shop, cost.throttleStatus);
      if (cost?.requestedQueryCost != null) AdminClient.lastCost.set(name, cost.requestedQueryCost);

      if (response.errors?.some((e) => e.extensions?.code === "THROTTLED")) {
        lastError = "THROTTLED";
        await this.clock.sleep(Math.max(this.pacer.waitFor(this.shop, cost?.requestedQueryCost ?? 50), this.backoff(attempt)));
        continue;
      }
      if (response.status >= 500 || response.status === 429 || response.status === 0) {
        lastError = response.status === 0 ? "network error" : `HTTP ${response.status}`;
        await this.clock.sleep(this.backoff(attempt));
        continue;
      }
      if (response.status >= 400) throw new AdminHttpError(name, response.status);
      if (response.errors?.length) throw new AdminGraphqlError(name, response.errors);
      if (isMutation(document)) assertNoUserErrors(name, response.data);
      return response.data as DataOf<Doc>;
    }
    throw new AdminRetriesExhausted(name, maxAttempts, lastError);
  }

  private async send(document: string, variables: unknown): Promise<RawResponse> {
    try {
      const result = await this.client.rawRequest(document, variables as Record<string, unknown> | undefined);
      return { status: result.status, data: result.data, errors: result.errors as RawResponse["errors"], extensions: result.extensions as RawResponse["extensions"] };
    } catch (error) {
      if (error instanceof ClientError) {
        const r = error.response as unknown as RawResponse;
        return { status: error.response.status, data: r.data, errors: r.errors, extensions: r.extensions };
      }
      if (error instanceof TypeError) return { status: 0 }; // fetch failed: connection refused, reset, DNS
      throw error;
    }
  }

  // Exponential backoff with full jitter, capped.
  private backoff(attempt: number): number {
    const base = this.options.baseDelayMs ?? 250;
    const cap = this.options.maxDelayMs ?? 10_000;
    const random = this.options.random ?? Math.random;
    return Math.round(random() * Math.min(cap, base * 2 ** (attempt - 1)));
  }
}

function assertNoUserErrors(operation: string, data: unknown): void {
  if (!data || typeof data !== "object") return;
  for (const payload of Object.values(data as Record<string, unknown>)) {
    const userErrors = (payload as { userErrors?: UserError[] } | null)?.userErrors;
    if (Array.isArray(userErrors) && userErrors.length > 0) throw new AdminUserErrors(operation, userErrors);
  }
}

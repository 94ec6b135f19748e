// What `supplier:check` needs to know per supplier: how to build its adapter from a base URL and credentials, and a
// keyword its catalog answers. Adding a supplier (JD) is one entry here.
import { CJ_EMULATOR_ACCOUNTS } from "../cj/emulator/cj-emulator";
import { createSupplierAdapter } from "../registry";
import type { SupplierAdapter } from "../supplier-adapter";
import type { SupplierCode } from "../supplier-models";

export interface CheckTarget {
  readonly supplier: SupplierCode;
  readonly keyword: string;
  /** Credentials used when the operator gives none (the emulator's ready-made test account, where there is one). */
  readonly defaultCredentials?: Readonly<Record<string, unknown>>;
  /** Some suppliers need no login at all; their "authenticate" scenario is skipped with this reason. */
  readonly noAuthReason?: string;
  build(baseUrl: string, credentials: Readonly<Record<string, unknown>>): SupplierAdapter;
}

const resilience = { timeoutMs: 15_000, retry: { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 5_000 }, breaker: { failureThreshold: 20, openMs: 30_000 } };

export const CHECK_TARGETS: Partial<Record<SupplierCode, CheckTarget>> = {
  sandbox: {
    supplier: "sandbox", keyword: "phone", noAuthReason: "the sandbox supplier needs no credentials",
    build: (baseUrl) => createSupplierAdapter({ supplier: "sandbox", credentials: {}, baseUrl }, { resilience }),
  },
  cj: {
    supplier: "cj", keyword: "phone", defaultCredentials: { apiKey: CJ_EMULATOR_ACCOUNTS.demo.apiKey },
    build: (baseUrl, credentials) => createSupplierAdapter({ supplier: "cj", credentials, baseUrl }, { resilience }),
  },
};

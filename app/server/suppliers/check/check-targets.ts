// What `supplier:check` needs to know per supplier: how to build its adapter from a base URL and credentials, and a
// keyword its catalog answers. Adding a supplier is one entry here.
import { CJ_EMULATOR_ACCOUNTS } from "../cj/emulator/cj-emulator";
import { EMULATED_JD_ACCOUNT } from "../jd/emulator/jd-vop-emulator";
import { createSupplierAdapter } from "../registry";
import type { SupplierAdapter } from "../supplier-adapter";
import type { SupplierCode } from "../supplier-models";
import type { ShippingAddress } from "../supplier-order-models";

export interface CheckTarget {
  readonly supplier: SupplierCode;
  /** A keyword the catalog answers; absent for suppliers without keyword search (JD browses pools). */
  readonly keyword?: string;
  /** Where test orders ship, when the supplier cannot ship to the check's US test address. */
  readonly shipTo?: ShippingAddress;
  /** Why the supplier quotes no freight, when it does not. */
  readonly noFreightReason?: string;
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
  jd: {
    // JD delivers only inside China, to JD area ids: test orders go to the emulator's ready consolidation warehouse
    // area (19_1666_1669_52082 广东 佛山市 顺德区 均安镇, published in the OYMLCN client's tests).
    supplier: "jd", defaultCredentials: { ...EMULATED_JD_ACCOUNT },
    shipTo: { name: "集运仓 测试", phone: "13800000000", address1: "均安镇 集运路 8 号", city: "佛山市", province: "广东", countryCode: "CN", supplierAreaId: "19_1666_1669_52082" },
    noFreightReason: "JD VOP quotes no international freight: JD delivers to the China consolidation warehouse, and the cross-border leg is the rate card line from there",
    build: (baseUrl, credentials) => createSupplierAdapter({ supplier: "jd", credentials, baseUrl }, { resilience }),
  },
};

import { z } from "zod";
import type { Clock } from "./resilience/clock";
import type { ResiliencePolicy } from "./resilience/resilient-call";
import type { SupplierAdapter, SupplierDescriptor } from "./supplier-adapter";
import type { SupplierCode } from "./supplier-models";
import { createCjAdapter, cjDescriptor, type CjLogisticEventSource } from "./cj/index";
import { createJdAdapter, jdDescriptor } from "./jd/index";
import { createSandboxAdapter, sandboxDescriptor } from "./sandbox/index";

/** A shop's connection as stored by the settings layer, with credentials already decrypted. */
export interface SupplierConnectionConfig {
  readonly supplier: SupplierCode;
  readonly credentials: Readonly<Record<string, unknown>>;
  readonly baseUrl?: string;
}

export interface RegistryDependencies {
  readonly clock?: Clock;
  readonly resilience?: Partial<ResiliencePolicy>;
  readonly fetch?: typeof fetch;
  /** Where CJ's LOGISTIC webhook scans are kept (the adapter's tracking reads them). */
  readonly cjLogisticEvents?: CjLogisticEventSource;
}

export const SUPPLIER_DESCRIPTORS: Readonly<Record<SupplierCode, SupplierDescriptor>> = {
  sandbox: sandboxDescriptor,
  jd: jdDescriptor,
  cj: cjDescriptor,
};

const optionalText = z.string().optional().transform((v) => v?.trim() || undefined);
const JdCredentials = z.object({
  clientId: z.string().min(1), clientSecret: z.string().min(1), username: z.string().min(1), password: z.string().min(1),
  companyName: optionalText, taxpayerId: optionalText, invoicePhone: optionalText, baseUrl: optionalText,
});
// The account's QPS is read from CJ's setting/get (an older "accountLevel" field is ignored); baseUrl points a
// connection at another server speaking CJ's API (the emulator, a staging proxy).
const CjCredentials = z.object({ apiKey: z.string().min(1), baseUrl: z.string().url().optional().or(z.literal("").transform(() => undefined)) });

export class SupplierConfigError extends Error {
  override name = "SupplierConfigError";
}

/**
 * Builds the adapter for a connection. Keep one adapter per connection alive (cache by connection id):
 * it holds the supplier token, the pacing state and the circuit breaker.
 * Throws SupplierConfigError when credentials are missing fields; the message names fields, never values.
 */
export function createSupplierAdapter(config: SupplierConnectionConfig, deps: RegistryDependencies = {}): SupplierAdapter {
  const common = { baseUrl: config.baseUrl, clock: deps.clock, resilience: deps.resilience, fetch: deps.fetch };
  switch (config.supplier) {
    case "sandbox":
      return createSandboxAdapter(common);
    case "jd": {
      const { companyName, taxpayerId, invoicePhone, baseUrl, ...credentials } = parse("jd", JdCredentials, config.credentials);
      // The gateway is per connection: the one stored with the credentials unless the caller names another.
      return createJdAdapter({ ...common, baseUrl: config.baseUrl ?? baseUrl, credentials, invoice: { companyName, taxpayerId, invoicePhone } });
    }
    case "cj": {
      const c = parse("cj", CjCredentials, config.credentials);
      return createCjAdapter({ ...common, baseUrl: config.baseUrl ?? c.baseUrl ?? process.env.CJ_API_BASE_URL, apiKey: c.apiKey, logisticEvents: deps.cjLogisticEvents });
    }
    default:
      throw new SupplierConfigError(`Unknown supplier "${String((config as { supplier: unknown }).supplier)}"`);
  }
}

function parse<T>(supplier: SupplierCode, schema: z.ZodType<T>, credentials: unknown): T {
  const result = schema.safeParse(credentials);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((i) => i.path.join(".")))].join(", ");
  throw new SupplierConfigError(`${SUPPLIER_DESCRIPTORS[supplier].label}: missing or invalid credential fields: ${fields}`);
}

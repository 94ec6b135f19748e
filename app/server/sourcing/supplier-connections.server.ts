import db from "../../db.server";
import { deleteSecret, getSecret, putSecret } from "../security/secrets.server";
import { SUPPLIER_DESCRIPTORS, SupplierConfigError } from "../suppliers/registry";
import { forgetShopSupplierAdapter, sandboxOffered, shopSupplierAdapter, supplierCredentialPurpose, useSupplierAdapters } from "../suppliers/shop-adapters.server";
import type { SupplierAdapter, SupplierDescriptor } from "../suppliers/supplier-adapter";
import type { SupplierCode } from "../suppliers/supplier-models";
import { isCjAdapter, type CjAdapter } from "../suppliers/cj/index";
import { cjWebhookPath } from "../suppliers/cj/webhook-receiver.server";

export const SUPPLIER_CODES = Object.keys(SUPPLIER_DESCRIPTORS) as SupplierCode[];
const purpose = supplierCredentialPurpose;

export function isSupplierCode(value: unknown): value is SupplierCode {
  return typeof value === "string" && (SUPPLIER_CODES as string[]).includes(value);
}

export interface ConnectionView {
  supplier: SupplierCode;
  descriptor: SupplierDescriptor;
  connected: boolean;
  isDefault: boolean;
  status: string;
  lastCheckedAt: string | null;
  lastError: string | null;
  /** Which credential fields hold a value; the values themselves never leave the server. */
  filledFields: string[];
}

/** The sandbox needs no account, so every shop it is offered to has it connected (and as default until it picks another). */
async function ensureSandbox(shop: string): Promise<void> {
  if (!(await sandboxOffered(shop))) return;
  const hasDefault = await db.supplierConnection.count({ where: { shop, isDefault: true } });
  await db.supplierConnection.upsert({
    where: { shop_supplier: { shop, supplier: "sandbox" } },
    create: { shop, supplier: "sandbox", isDefault: hasDefault === 0, status: "connected" },
    update: {},
  });
}

export async function listConnections(shop: string): Promise<ConnectionView[]> {
  await ensureSandbox(shop);
  const offered = await sandboxOffered(shop);
  const rows = await db.supplierConnection.findMany({ where: { shop } });
  return Promise.all(SUPPLIER_CODES.filter((supplier) => supplier !== "sandbox" || offered).map(async (supplier) => {
    const row = rows.find((r) => r.supplier === supplier);
    const creds = row && supplier !== "sandbox" ? await getSecret<Record<string, string>>(shop, purpose(supplier)) : null;
    return {
      supplier, descriptor: SUPPLIER_DESCRIPTORS[supplier], connected: !!row, isDefault: row?.isDefault ?? false,
      status: row?.status ?? "not_connected", lastCheckedAt: row?.lastCheckedAt?.toISOString() ?? null, lastError: row?.lastError ?? null,
      filledFields: Object.entries(creds ?? {}).filter(([, v]) => v !== "" && v != null).map(([k]) => k),
    };
  }));
}

/**
 * Stores credentials encrypted. Blank secret fields keep the stored value, so the merchant can change
 * one field without retyping the others (we never send secrets back to the form).
 */
export async function saveCredentials(shop: string, supplier: SupplierCode, submitted: Record<string, string>): Promise<void> {
  const descriptor = SUPPLIER_DESCRIPTORS[supplier];
  const previous = (await getSecret<Record<string, string>>(shop, purpose(supplier))) ?? {};
  const merged: Record<string, string> = {};
  for (const field of descriptor.credentialFields) {
    const value = submitted[field.key]?.trim() ?? "";
    merged[field.key] = value || previous[field.key] || "";
  }
  const missing = descriptor.credentialFields.filter((f) => f.required && !merged[f.key]).map((f) => f.label);
  if (missing.length) throw new SupplierConfigError(`${descriptor.label}: fill in ${missing.join(", ")}`);
  await putSecret(shop, purpose(supplier), merged);
  await db.supplierConnection.upsert({
    where: { shop_supplier: { shop, supplier } },
    create: { shop, supplier, status: "untested" },
    update: { status: "untested", lastError: null },
  });
  forgetShopSupplierAdapter(shop, supplier);
}

export async function disconnectSupplier(shop: string, supplier: SupplierCode): Promise<void> {
  if (supplier === "sandbox") return;
  await deleteSecret(shop, purpose(supplier));
  await db.supplierConnection.deleteMany({ where: { shop, supplier } });
  forgetShopSupplierAdapter(shop, supplier);
  await ensureSandbox(shop);
}

export async function setDefaultSupplier(shop: string, supplier: SupplierCode): Promise<void> {
  const row = await db.supplierConnection.findUnique({ where: { shop_supplier: { shop, supplier } } });
  if (!row) throw new SupplierConfigError(`Connect ${SUPPLIER_DESCRIPTORS[supplier].label} before making it the default`);
  await db.$transaction([
    db.supplierConnection.updateMany({ where: { shop }, data: { isDefault: false } }),
    db.supplierConnection.update({ where: { id: row.id }, data: { isDefault: true } }),
  ]);
}

/** The shop's default supplier; with none chosen, the sandbox where it is offered, else the first partner (which
 *  then asks to be connected). */
export async function defaultSupplier(shop: string): Promise<SupplierCode> {
  await ensureSandbox(shop);
  const row = await db.supplierConnection.findFirst({ where: { shop, isDefault: true } });
  if (isSupplierCode(row?.supplier) && (row.supplier !== "sandbox" || (await sandboxOffered(shop)))) return row.supplier;
  return (await sandboxOffered(shop)) ? "sandbox" : "jd";
}

export async function adapterFor(shop: string, supplier: SupplierCode): Promise<SupplierAdapter> {
  return shopSupplierAdapter(shop, supplier);
}

/** A real call (one catalog page, or a product pool for JD) proves the credentials and records the outcome. */
export async function testConnection(shop: string, supplier: SupplierCode): Promise<{ ok: boolean; message: string }> {
  let outcome: { ok: boolean; message: string };
  try {
    const adapter = await adapterFor(shop, supplier);
    const page = await adapter.searchCatalog({ pageSize: 1 });
    outcome = page.ok ? { ok: true, message: "Connected" } : { ok: false, message: page.error.message };
    if (page.ok && isCjAdapter(adapter)) outcome = await registerCjWebhooks(shop, adapter);
  } catch (error) {
    if (!(error instanceof SupplierConfigError)) throw error;
    outcome = { ok: false, message: error.message };
  }
  await db.supplierConnection.updateMany({
    where: { shop, supplier },
    data: { status: outcome.ok ? "connected" : "failing", lastCheckedAt: new Date(), lastError: outcome.ok ? null : outcome.message },
  });
  return outcome;
}

/** CJ pushes PRODUCT/STOCK/ORDER/LOGISTIC messages to this connection's own receiver URL. */
async function registerCjWebhooks(shop: string, adapter: CjAdapter): Promise<{ ok: boolean; message: string }> {
  const row = await db.supplierConnection.findUnique({ where: { shop_supplier: { shop, supplier: "cj" } } });
  if (!row) return { ok: true, message: "Connected" };
  const appUrl = (process.env.SHOPIFY_APP_URL ?? "").replace(/\/$/, "");
  const r = await adapter.registerWebhooks(`${appUrl}${cjWebhookPath(row.id)}`);
  return r.ok ? { ok: true, message: "Connected; CJ sends stock, order and tracking updates" } : { ok: false, message: `Connected, but CJ refused the webhook address: ${r.error.message}` };
}

/** Tests only: forget cached adapters (e.g. after pointing the sandbox at another port). */
export function resetSupplierAdapters(): void {
  useSupplierAdapters(null);
}

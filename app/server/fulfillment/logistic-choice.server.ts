// Which supplier shipping method carries an order: the merchant's mapping of the buyer's checkout service first,
// then the buyer's service by name, and the supplier's cheapest quote when neither is offered on the route
// (the adapter decides that last step, since only it sees the supplier's quotes for the route).
import db from "../../db.server";
import { hasCapability } from "../suppliers/supplier-adapter";
import type { SupplierOrder } from "../suppliers/supplier-order-models";
import { supplierAdapter } from "./supplier-gateway.server";

export type LogisticBasis = "mapping" | "buyer" | "cheapest";

interface ChoiceInput { shop: string; supplier: string; buyerServiceCode: string | null; buyerServiceName: string | null }

/** The method to ask the supplier for, and why; null lets the adapter pick its default. */
export async function requestedLogistic(row: ChoiceInput): Promise<{ name: string; basis: "mapping" | "buyer" } | null> {
  if (row.buyerServiceCode) {
    const mapped = await db.supplierLogisticMapping.findUnique({
      where: { shop_supplier_serviceCode: { shop: row.shop, supplier: row.supplier, serviceCode: row.buyerServiceCode } },
    });
    if (mapped) return { name: mapped.logisticName, basis: "mapping" };
  }
  return row.buyerServiceName ? { name: row.buyerServiceName, basis: "buyer" } : null;
}

/** What was sent and why, from the adapter's answer; empty when the adapter does not say (found an earlier order). */
export function logisticOutcome(requested: Awaited<ReturnType<typeof requestedLogistic>>, order: SupplierOrder) {
  if (!order.shippingMethod) return {};
  const basis: LogisticBasis = order.shippingMethod.requested && requested ? requested.basis : "cheapest";
  return { logisticName: order.shippingMethod.name, logisticBasis: basis };
}

export const listLogisticMappings = (shop: string, supplier: string) =>
  db.supplierLogisticMapping.findMany({ where: { shop, supplier }, orderBy: { serviceCode: "asc" } });

export const deleteLogisticMapping = (shop: string, supplier: string, serviceCode: string) =>
  db.supplierLogisticMapping.deleteMany({ where: { shop, supplier, serviceCode } });

export interface MappingInput { serviceCode: string; logisticName: string; fromCountry: string; toCountry: string }
export type MappingResult = { ok: true } | { ok: false; message: string };

/**
 * Saves a mapping only when the supplier quotes that method on a route the merchant names (from a supplier
 * warehouse country to a buyer country), for one of the shop's own mapped items: a name the supplier does not
 * offer would silently fall back to the cheapest quote on every order.
 */
export async function saveLogisticMapping(shop: string, supplier: string, input: MappingInput): Promise<MappingResult> {
  const serviceCode = input.serviceCode.trim();
  const logisticName = input.logisticName.trim();
  const from = input.fromCountry.trim().toUpperCase();
  const to = input.toCountry.trim().toUpperCase();
  if (!serviceCode || !logisticName) return { ok: false, message: "Give both the checkout service code and the supplier's shipping method name." };
  if (!/^[A-Z]{2}$/.test(from) || !/^[A-Z]{2}$/.test(to)) return { ok: false, message: "Give the route as two-letter country codes, e.g. CN → DE." };
  const item = await db.variantMapping.findFirst({ where: { shop, supplier }, orderBy: { id: "asc" } });
  if (!item) return { ok: false, message: "Link at least one product to this supplier first: the supplier quotes shipping for real items only." };
  const adapter = await supplierAdapter(shop, supplier);
  if (!adapter.freight || !hasCapability(adapter, "freight.quote")) return { ok: false, message: "This supplier gives no freight quotes, so its shipping methods cannot be checked." };
  const quotes = await adapter.freight.quoteFreight({ lines: [{ supplierVariantId: item.supplierSku, quantity: 1 }], from: { kind: "country", countryCode: from }, toCountryCode: to });
  if (!quotes.ok) return { ok: false, message: `The supplier's freight quote failed: ${quotes.error.message}` };
  const offered = quotes.value.find((q) => q.serviceName.toLowerCase() === logisticName.toLowerCase());
  if (!offered) {
    const names = quotes.value.map((q) => q.serviceName).join(", ") || "none";
    return { ok: false, message: `The supplier does not offer "${logisticName}" from ${from} to ${to}. It offers: ${names}.` };
  }
  await db.supplierLogisticMapping.upsert({
    where: { shop_supplier_serviceCode: { shop, supplier, serviceCode } },
    create: { shop, supplier, serviceCode, logisticName: offered.serviceName },
    update: { logisticName: offered.serviceName },
  });
  return { ok: true };
}

/** The settings card: the shop's mappings, and its rate cards' service codes to pick from. */
export async function logisticMappingView(shop: string, supplier: string) {
  const [mappings, cards] = await Promise.all([
    listLogisticMappings(shop, supplier),
    db.shippingRateCard.findMany({ where: { shop, active: true }, select: { code: true, name: true }, orderBy: { code: "asc" }, distinct: ["code"] }),
  ]);
  return {
    mappings: mappings.map((m) => ({ serviceCode: m.serviceCode, logisticName: m.logisticName })),
    services: cards.map((c) => ({ code: c.code, name: c.name })),
  };
}

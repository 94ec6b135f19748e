// freightCalculate in CJ's shape: cj-contract.json endpoint "freightCalculate" (logistic.html 1.1):
// [{logisticAging "min-max", logisticPrice USD, logisticPriceCn CNY, logisticName}], and createOrderV2's logisticName must
// be one of these names for the route (1605001 "Logistic invalid, please reference freight calculate.").
// The service names and prices are the emulator's own data; only the shape and the rule are CJ's.
import type { CjVariant } from "./cj-catalog";

interface Service { name: string; aging: string; baseCents: number; perKgCents: number; sensitiveOk: boolean }

const FROM_CHINA: Service[] = [
  { name: "CJPacket Ordinary", aging: "7-12", baseCents: 250, perKgCents: 900, sensitiveOk: false },
  { name: "CJPacket Sensitive", aging: "8-15", baseCents: 320, perKgCents: 1_100, sensitiveOk: true },
  { name: "DHL Official", aging: "3-7", baseCents: 1_800, perKgCents: 2_500, sensitiveOk: true },
];
const DOMESTIC: Record<string, Service[]> = {
  US: [{ name: "USPS+", aging: "2-5", baseCents: 471, perKgCents: 300, sensitiveOk: true }],
  DE: [{ name: "DHL Paket", aging: "2-4", baseCents: 490, perKgCents: 250, sensitiveOk: true }],
  GB: [{ name: "Royal Mail Tracked", aging: "2-4", baseCents: 450, perKgCents: 250, sensitiveOk: true }],
};
const CNY_PER_USD = 7.2;

export interface FreightOption { logisticName: string; logisticAging: string; logisticPriceCents: number }

export function freightOptions(from: string, to: string, lines: { variant: CjVariant; sensitive: boolean; quantity: number }[]): FreightOption[] {
  const grams = lines.reduce((g, l) => g + l.variant.variantWeight * l.quantity, 0);
  const sensitive = lines.some((l) => l.sensitive);
  const services = from === "CN" ? FROM_CHINA : from === to ? DOMESTIC[from] ?? [] : [];
  return services.filter((s) => s.sensitiveOk || !sensitive).map((s) => ({
    logisticName: s.name, logisticAging: s.aging, logisticPriceCents: s.baseCents + Math.ceil((grams / 1000) * s.perKgCents),
  }));
}

export const freightWire = (o: FreightOption) => ({
  logisticAging: o.logisticAging, logisticPrice: o.logisticPriceCents / 100,
  logisticPriceCn: Math.round(o.logisticPriceCents * CNY_PER_USD) / 100, logisticName: o.logisticName,
});

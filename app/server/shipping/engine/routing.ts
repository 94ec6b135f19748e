/**
 * Warehouse routing: one overseas warehouse serving the destination that holds every line wins (fast);
 * otherwise one China warehouse that holds every line; only when stock is spread do lines split
 * across warehouses. Lines without stock data go to the default (China) warehouse.
 */
import type { Warehouse } from "./card-types";
import type { CompiledEngine } from "./compile";
import type { Shipment } from "./quote-types";
import type { RateRequest, RateRequestItem } from "./request-schema";

function holds(w: Warehouse, line: RateRequestItem): boolean {
  return (line.supplier?.stock?.[w.code] ?? 0) >= line.quantity;
}

function single(w: Warehouse, count: number): Shipment[] {
  const lineIndexes = new Array<number>(count);
  for (let i = 0; i < count; i++) lineIndexes[i] = i; // Array.from with a mapper showed up in the callback's profile
  return [{ warehouseCode: w.code, lineIndexes }];
}

export function planShipments(request: RateRequest, engine: CompiledEngine): Shipment[] {
  const items = request.items;
  const country = request.destination.country;
  const all = [...engine.warehouses.values()];
  const overseas = all.filter((w) => w.kind === "overseas" && w.serves.includes(country));
  const china = all.filter((w) => w.kind === "china");
  const anyStock = items.some((line) => line.supplier?.stock && Object.keys(line.supplier.stock).length > 0);
  if (!anyStock) return single(engine.warehouses.get(engine.defaultWarehouseCode)!, items.length);

  for (const w of overseas) if (items.every((line) => holds(w, line))) return single(w, items.length);
  for (const w of china) if (items.every((line) => holds(w, line))) return single(w, items.length);

  // Spread stock: prefer local warehouses, then the China warehouse that covers the most lines,
  // so the order splits into as few parcels as the stock allows.
  const coverage = (w: Warehouse) => items.filter((line) => holds(w, line)).length;
  const ranked = [...overseas.sort((a, b) => coverage(b) - coverage(a)), ...china.sort((a, b) => coverage(b) - coverage(a))];
  const groups = new Map<string, number[]>();
  items.forEach((line, index) => {
    const w = ranked.find((candidate) => holds(candidate, line));
    const code = w?.code ?? engine.defaultWarehouseCode; // unknown or short stock: the supplier restocks in China
    (groups.get(code) ?? groups.set(code, []).get(code)!).push(index);
  });
  return [...groups].map(([warehouseCode, lineIndexes]) => ({ warehouseCode, lineIndexes }));
}

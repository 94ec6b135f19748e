// Loads the registry from its tables, inserting missing seed rows once per process. The snapshot is one small
// value per process, refreshed after REGISTRY_TTL_MS so an operator's new row reaches every instance.
import db from "../../db.server";
import { CODES, WAREHOUSES, type WarehouseSeed } from "./registry-seed";
import { WarehouseRegistry } from "./registry";

const REGISTRY_TTL_MS = 5 * 60_000;

const seedRegistry = new WarehouseRegistry(WAREHOUSES, CODES);
let snapshot: { registry: WarehouseRegistry; loadedAt: number } | null = null;
let loading: Promise<WarehouseRegistry> | null = null;
let seeded: Promise<void> | null = null;

// Another process inserting the same seed row first (PostgreSQL upsert is not atomic): its row is the one we wanted.
const ignoreRace = (error: unknown) => {
  if ((error as { code?: string }).code !== "P2002") throw error;
};

const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

/** Inserts seed rows the tables lack; never overwrites a row (an operator's edit wins). Safe to run concurrently. */
export async function ensureRegistrySeed(): Promise<void> {
  const [haveWarehouses, haveCodes] = await Promise.all([
    db.registryWarehouse.findMany({ select: { id: true } }),
    db.registryWarehouseCode.findMany({ select: { supplier: true, code: true } }),
  ]);
  const ids = new Set(haveWarehouses.map((w) => w.id));
  const codes = new Set(haveCodes.map((c) => `${c.supplier}|${c.code}`));
  for (const w of WAREHOUSES.filter((x) => !ids.has(x.id))) {
    const data = { ...w, serves: w.serves.join(","), rateCards: w.rateCards.join(","), address: w.address ?? undefined };
    await db.registryWarehouse.upsert({ where: { id: w.id }, create: data, update: {} }).catch(ignoreRace);
  }
  for (const c of CODES.filter((x) => !codes.has(`${x.supplier}|${x.code}`))) {
    await db.registryWarehouseCode.upsert({ where: { supplier_code: { supplier: c.supplier, code: c.code } }, create: c, update: {} }).catch(ignoreRace);
  }
}

async function load(): Promise<WarehouseRegistry> {
  seeded ??= ensureRegistrySeed().catch((error) => { seeded = null; throw error; });
  await seeded;
  const [rows, codes] = await Promise.all([db.registryWarehouse.findMany({ orderBy: { id: "asc" } }), db.registryWarehouseCode.findMany()]);
  const entries: WarehouseSeed[] = rows.map((r) => ({
    id: r.id, name: r.name, country: r.country, timeZone: r.timeZone, kind: r.kind === "overseas" ? "overseas" : "china",
    serves: list(r.serves), rateCards: list(r.rateCards), operator: r.operator === "consolidation" ? "consolidation" : "supplier",
    locationName: r.locationName, address: (r.address ?? null) as WarehouseSeed["address"],
  }));
  return new WarehouseRegistry(entries, codes);
}

/** The registry from the database (cached per process). */
export async function warehouseRegistry(now = Date.now()): Promise<WarehouseRegistry> {
  if (snapshot && now - snapshot.loadedAt < REGISTRY_TTL_MS) return snapshot.registry;
  loading ??= load().then((registry) => {
    snapshot = { registry, loadedAt: Date.now() };
    return registry;
  }, (error) => {
    // Checkout must still answer: keep the last registry (or the seed) and try again on the next call.
    console.error(`[warehouses] registry load failed, using the last one: ${(error as Error).message}`);
    return currentWarehouseRegistry();
  }).finally(() => { loading = null; });
  return loading;
}

/** The last loaded registry without waiting (the seed until one was loaded), for synchronous callers. */
export function currentWarehouseRegistry(): WarehouseRegistry {
  return snapshot?.registry ?? seedRegistry;
}

/** Tests that add a warehouse row read it at once. */
export function forgetWarehouseRegistry(): void {
  snapshot = null;
}

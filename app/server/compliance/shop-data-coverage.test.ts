import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Tables that hold no shop's data: reference rates, queue bookkeeping keyed by job id, the warehouse registry.
const SHOPLESS = new Set(["FxRates", "JobDedupe", "JobSchedule", "RegistryWarehouse", "RegistryWarehouseCode"]);

function models(): Map<string, string> {
  const dir = path.resolve(import.meta.dirname, "../../../prisma/models");
  const text = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n");
  return new Map([...text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map((m) => [m[1]!, m[2]!]));
}

const hasShopColumn = (body: string) => /^\s+shop\s+String/m.test(body);

describe("shop/redact reaches every table", () => {
  it("every model has a shop column, or cascades from one that has", () => {
    const all = models();
    const uncovered = [...all.entries()]
      .filter(([name, body]) => !SHOPLESS.has(name) && name !== "Shop" && !hasShopColumn(body))
      .filter(([, body]) => {
        const parents = [...body.matchAll(/^\s+\w+\s+(\w+)\s+@relation\(([^)]*)\)/gm)];
        return !parents.some(([, parent, args]) => /onDelete:\s*Cascade/.test(args!) && hasShopColumn(all.get(parent!) ?? ""));
      })
      .map(([name]) => name);
    expect(uncovered).toEqual([]);
  });
});

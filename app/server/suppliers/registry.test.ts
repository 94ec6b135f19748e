import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSupplierAdapter, SUPPLIER_DESCRIPTORS, SupplierConfigError } from "./registry";
import { createSandboxSupplierService } from "./sandbox/service/sandbox-service";

describe("supplier registry", () => {
  const service = createSandboxSupplierService({ productCount: 120 });
  let url = "";
  beforeAll(async () => { url = (await service.listen(0)).url; });
  afterAll(() => service.close());

  it("returns a working sandbox adapter for a sandbox connection", async () => {
    const adapter = createSupplierAdapter({ supplier: "sandbox", credentials: {}, baseUrl: url });
    expect(adapter.descriptor.code).toBe("sandbox");
    const page = await adapter.searchCatalog({ keyword: "toy", pageSize: 3 });
    expect(page.ok && page.value.items.length).toBeGreaterThan(0);
  });

  it("builds JD and CJ adapters from decrypted credentials", () => {
    const jd = createSupplierAdapter({ supplier: "jd", credentials: { clientId: "a", clientSecret: "b", username: "c", password: "d" } });
    const cj = createSupplierAdapter({ supplier: "cj", credentials: { apiKey: "CJ1@api@x", accountLevel: "3" } });
    expect([jd.descriptor.code, cj.descriptor.code]).toEqual(["jd", "cj"]);
    expect(jd.twoPhase).toBeDefined();
    expect(cj.freight).toBeDefined();
  });

  it("names missing credential fields without echoing any secret", () => {
    const attempt = () => createSupplierAdapter({ supplier: "jd", credentials: { clientId: "a", clientSecret: "TOPSECRET" } });
    expect(attempt).toThrow(SupplierConfigError);
    expect(attempt).toThrow(/username, password/);
    expect(attempt).not.toThrow(/TOPSECRET/);
  });

  it("declares optional capabilities only where the adapter exposes them", () => {
    for (const code of ["sandbox", "jd", "cj"] as const) {
      const adapter = createSupplierAdapter({ supplier: code, credentials: { clientId: "a", clientSecret: "b", username: "c", password: "d", apiKey: "k" } });
      expect(SUPPLIER_DESCRIPTORS[code].capabilities.includes("order.two-phase")).toBe(adapter.twoPhase !== undefined);
      expect(SUPPLIER_DESCRIPTORS[code].capabilities.includes("freight.quote")).toBe(adapter.freight !== undefined);
    }
  });
});

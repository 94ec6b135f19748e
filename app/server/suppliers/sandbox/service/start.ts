// Dev entry: `npx tsx app/server/suppliers/sandbox/service/start.ts --port 4010 --products 5000 --seed 20261122`
import { parseArgs } from "node:util";
import { createSandboxSupplierService } from "./sandbox-service";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.SANDBOX_SUPPLIER_PORT ?? "4010" },
    products: { type: "string", default: "2000" },
    seed: { type: "string" },
    "failure-rate": { type: "string", default: "0" },
  },
});

const started = performance.now();
const service = createSandboxSupplierService({
  productCount: Number(values.products),
  seed: values.seed ? Number(values.seed) : undefined,
  failureRate: Number(values["failure-rate"]),
});
const { url } = await service.listen(Number(values.port));
console.log(`sandbox supplier: ${service.catalog.products.length} products ready in ${Math.round(performance.now() - started)} ms at ${url}`);
const stop = () => void service.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

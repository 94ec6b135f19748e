// Dev entry: `npx tsx app/server/suppliers/cj/emulator/start.ts --port 4020 [--time-scale 8640] [--webhook-every 2000]`
// Prints the API base URL and the ready-made API keys; orders advance on a clock sped up like the demo's sandbox.
import { parseArgs } from "node:util";
import { systemClock, type Clock } from "../../resilience/clock";
import { CJ_EMULATOR_ACCOUNTS, createCjEmulator } from "./cj-emulator";

const { values } = parseArgs({ options: {
  port: { type: "string", default: process.env.CJ_EMULATOR_PORT ?? "4020" },
  "time-scale": { type: "string", default: "1" },
  "webhook-every": { type: "string", default: "2000" },
} });
const scale = Math.max(1, Number(values["time-scale"]));
const start = Date.now();
const clock: Clock = { now: () => start + (Date.now() - start) * scale, sleep: systemClock.sleep };
const emulator = createCjEmulator({ clock });
const { apiBaseUrl } = await emulator.listen(Number(values.port));
console.log(`CJ emulator: ${emulator.catalog.products.length} products at ${apiBaseUrl}`);
for (const [name, a] of Object.entries(CJ_EMULATOR_ACCOUNTS)) console.log(`  ${name} account apiKey ${a.apiKey}`);
const timer = setInterval(() => void emulator.deliverWebhooks(), Number(values["webhook-every"]));
const stop = () => { clearInterval(timer); void emulator.close().then(() => process.exit(0)); };
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

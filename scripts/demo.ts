// `npm run demo` (through scripts/demo.sh): the offline demo on the embedded defaults. Prints one URL.
import "./demo/demo-mode";
import { DEMO_DEFAULTS } from "../app/server/config";
import { startDemoStack } from "./demo/stack";

const port = (name: string, fallback: number) => Number(process.env[name] || fallback);
const verbose = process.env.DEMO_VERBOSE === "1";
// Child output is shown, except the app's per-request access log lines unless DEMO_VERBOSE=1.
const log = (line: string) => {
  if (!verbose && /^\[app\] (GET|POST|HEAD|PUT|DELETE|OPTIONS) \//.test(line)) return;
  console.log(line);
};

const stack = await startDemoStack({
  port: port("PORT", 3000),
  emulatorPort: port("SHOPIFY_EMULATOR_PORT", 4500),
  shellPort: port("ADMIN_SHELL_PORT", 4600),
  sandboxPort: port("SANDBOX_SUPPLIER_PORT", 4010),
  jdVopPort: port("JD_VOP_PORT", 4020),
  shop: process.env.DEMO_SHOP || DEMO_DEFAULTS.DEMO_SHOP,
  log,
}).catch((error: Error) => {
  console.error(`[demo] could not start: ${error.message}`);
  process.exit(1);
});

console.log(`\nSilkroute is running offline. Open:\n\n  ${stack.adminUrl}\n\n(Ctrl-C stops everything.)`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log("\n[demo] stopping");
    void stack.stop().then(() => process.exit(0));
  });
}

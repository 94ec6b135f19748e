/**
 * The V8 flags `npm start` gives the production server, read from package.json's start script so the benchmarks run
 * the server exactly as deployed: SILKROUTE_HEAP_MB's default old-space limit (or `heapMb`) and the young generation.
 * `entry`: the script node runs (the bundled build/server.js, not TypeScript through tsx: ADR 0720, "Tenth round");
 * `script` "start:rates": the checkout-rates role's process instead (build/rates-server.js, ADR 0722).
 */
import fs from "node:fs";
import path from "node:path";

export function startNodeFlags(root: string, heapMb?: number, script: "start" | "start:rates" = "start"): { flags: string[]; defaultHeapMb: number; entry: string } {
  const start = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts[script]!;
  const entry = /"\s+node\s+(\S+)/.exec(start)?.[1];
  if (!entry) throw new Error(`package.json's start script does not run node <script>: ${start}`);
  const options = /NODE_OPTIONS=\\?"([^"\\]*)/.exec(start)?.[1] ?? "";
  const defaultHeapMb = Number(/SILKROUTE_HEAP_MB:-(\d+)/.exec(options)?.[1]);
  const flags = options
    .replace(/\$\{SILKROUTE_HEAP_MB:-\d+\}/, String(heapMb ?? defaultHeapMb))
    .replace(/\$\{NODE_OPTIONS:-\}/, "")
    .split(/\s+/)
    .filter(Boolean);
  return { flags, defaultHeapMb, entry };
}

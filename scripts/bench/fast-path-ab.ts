/**
 * Side-by-side comparison of server builds on the callback's fast path: each build (a `build/index.js` made by
 * `npm run build`, copied aside) serves the carrier-service bench's shop in a child process of its own, and
 * autocannon (32 connections, in this process) drives them in turn, round after round, so the machine's swings fall
 * on both alike. Prints each build's req/s, server CPU per answer (user + sys from /proc), minor page faults per
 * answer, and the median CPU. Also `bare` (plain node:http sending the answer's bytes) as a reference. This is how
 * ADR 0720's eighth round measured its changes; the full benchmark (carrier-service.ts) is too noisy for a few µs.
 *
 * Run: npm run build && cp build/index.js build/before.js   (beside it, so its imports resolve; then change, build again)
 *      npx tsx scripts/bench/fast-path-ab.ts --rounds 5 --load distinct build/before.js build/index.js
 *      (--load repeat|distinct; a build may be `bare`; env `KEY=value,…` after `@`: build/index.js@SILKROUTE_QUOTE_CACHE_ENTRIES=1)
 * Needs .data/bench-carrier.db (seeded by carrier-service.ts). Compare the order both ways: a position can be favoured.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { carrierBenchEnv, distinctCartBody, repeatCartBody, signedHeaders } from "./carts";
import { startNodeFlags } from "./start-flags";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ENV = carrierBenchEnv();
/** BENCH_CHILD_FLAGS="--trace-deopt …": extra node flags for the servers, whose stdout is then shown (for V8 traces). */
const CHILD_FLAGS = (process.env.BENCH_CHILD_FLAGS ?? "").split(" ").filter(Boolean);
/** BENCH_CONNECTIONS: autocannon's connections (32). The distinct carts are 64,000 in all whatever the count, so that
 *  fewer connections do not cycle through short lists and turn distinct carts into repeats (quote-cache hits). */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const REPEAT = repeatCartBody();
let serial = 0;
const distinctCart = () => distinctCartBody(serial++);
const headersFor = (body: string) => signedHeaders(body);

/** Child: serves one build's fast path (or bare node:http with the answer bytes it is given). */
async function serve(build: string, bareAnswer: string): Promise<void> {
  let listener: RequestListener;
  if (build === "bare") {
    const fixed = Buffer.from(bareAnswer);
    listener = (req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": fixed.length }).end(fixed));
    };
  } else {
    Object.assign(process.env, ENV);
    const module = (await import(pathToFileURL(path.resolve(ROOT, build)).href)) as { entry: { module: { carrierServiceFastPath: (req: unknown, res: unknown) => boolean } }; future: { v3_singleFetch?: boolean } };
    const { installGlobals } = await import("@remix-run/node");
    installGlobals({ nativeFetch: module.future.v3_singleFetch });
    const fastPath = module.entry.module.carrierServiceFastPath;
    listener = (req, res) => void (fastPath(req, res) || res.writeHead(404).end());
  }
  const server = createServer(listener);
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as AddressInfo).port }));
}

type Result = { requests: { average: number; total: number }; non2xx: number; errors: number };
const procStat = (pid: number) => fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => (args.includes(name) ? args.splice(args.indexOf(name), 2)[1]! : fallback);
  const rounds = Number(option("--rounds", "5"));
  const load = option("--load", "distinct");
  const seconds = Number(option("--seconds", "5"));
  const builds = args;
  if (builds.length === 0 || !["repeat", "distinct"].includes(load)) throw new Error("usage: fast-path-ab.ts [--rounds n] [--load repeat|distinct] [--seconds s] <build.js|bare>[@KEY=value,…] …");
  const requireCjs = createRequire(import.meta.url);
  const autocannon = requireCjs("autocannon") as (options: object) => Promise<Result>;
  const buildRequest = requireCjs("autocannon/lib/httpRequestBuilder.js") as (defaults: object) => (request: object) => Buffer;
  const results = new Map<string, { rps: number; cpuUs: number; faults: number; failed: number }[]>();
  let answer = "{}";
  for (let round = 0; round < rounds; round++) {
    for (const spec of builds) {
      const [build, envSpec] = spec.split("@") as [string, string | undefined];
      const extra = envSpec ? Object.fromEntries(envSpec.split(",").map((kv) => kv.split("=") as [string, string])) : {};
      const child = fork(fileURLToPath(import.meta.url), ["--serve", build, answer], {
        cwd: ROOT, env: { ...process.env, ...extra }, execArgv: [...process.execArgv, ...startNodeFlags(ROOT).flags, ...CHILD_FLAGS], stdio: ["ignore", CHILD_FLAGS.length ? "inherit" : "ignore", "inherit", "ipc"],
      });
      try {
        const { port } = await new Promise<{ port: number }>((resolve) => child.once("message", resolve as never));
        const url = `http://127.0.0.1:${port}/carrier-service/rates`;
        if (build !== "bare") {
          // The repeat cart's answer (bare sends its bytes), and the shop's mapping table loaded (third lookup).
          for (const body of [REPEAT, distinctCart(), distinctCart(), distinctCart()]) {
            const response = await fetch(url, { method: "POST", headers: headersFor(body), body });
            if (response.status !== 200) throw new Error(`${build} answered ${response.status}: ${await response.text()}`);
            if (body === REPEAT) answer = await response.text();
            else await response.arrayBuffer();
          }
          await new Promise((resolve) => setTimeout(resolve, 2_000));
        }
        let options: object = { url, method: "POST", headers: headersFor(REPEAT), body: REPEAT, connections: CONNECTIONS };
        if (load === "distinct") {
          const make = buildRequest({ hostname: "127.0.0.1", port, path: "/carrier-service/rates", method: "POST" });
          const lists = Array.from({ length: CONNECTIONS }, () => Array.from({ length: Math.ceil(64_000 / CONNECTIONS) }, () => {
            const body = distinctCart();
            return { requestBuffer: make({ body, headers: headersFor(body) }) };
          }));
          let next = 0;
          options = { url, method: "POST", connections: CONNECTIONS, setupClient: (client: { requestIterator: { requests: object[]; currentRequestIndex: number; currentRequest: object } }) => {
            const list = lists[next++ % lists.length]!;
            Object.assign(client.requestIterator, { requests: list, currentRequestIndex: 0, currentRequest: list[0] });
          } };
        }
        await autocannon({ ...options, duration: 1 });
        const before = procStat(child.pid!);
        const result = await autocannon({ ...options, duration: seconds });
        const after = procStat(child.pid!);
        const per = (field: number, scale: number) => ((Number(after[field]) - Number(before[field])) * scale) / result.requests.total;
        const list = results.get(spec) ?? [];
        list.push({ rps: result.requests.average, cpuUs: per(11, 1e4) + per(12, 1e4), faults: per(7, 1), failed: result.non2xx + result.errors });
        results.set(spec, list);
      } finally {
        child.kill();
      }
    }
  }
  console.log(`fast-path-ab: ${load} load, ${rounds} rounds of ${seconds} s, ${CONNECTIONS} connections; req/s / server CPU µs per answer (minor faults per answer)`);
  for (const [spec, list] of results) {
    const median = [...list].map((r) => r.cpuUs).sort((a, b) => a - b)[list.length >> 1]!;
    const cells = list.map((r) => `${r.rps.toFixed(0)}/${r.cpuUs.toFixed(0)} µs (${r.faults.toFixed(2)})${r.failed ? ` FAILED ${r.failed}` : ""}`);
    console.log(`  ${spec}: ${cells.join("  ")}  median ${median.toFixed(1)} µs`);
  }
}

if (process.argv[2] === "--serve") await serve(process.argv[3]!, process.argv[4]!);
else await main();

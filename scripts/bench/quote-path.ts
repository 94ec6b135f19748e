/**
 * The quote path without HTTP: answerRawRateRequest called in-process on the carrier-service bench's shop
 * (.data/bench-carrier.db, seeded by scripts/bench/carrier-service.ts), distinct 5-line carts (quote-cache misses)
 * and one repeated cart (hits), in µs per answer. For profiling the engine and glue apart from node:http:
 * BENCH_CPU_PROF=1 writes a CPU profile of the distinct loop only to .data/profiles/quote-path.cpuprofile
 * (read it with scripts/bench/cpu-profile-top.ts). Compare runs as ratios; the machine is shared.
 *
 * Run: npx tsx scripts/bench/quote-path.ts   (N=30000 answers per loop; BENCH_WARM=60000 for the steady state)
 */
import { CARRIER_BENCH, carrierBenchEnv, distinctCartBody, signature } from "./carts";
Object.assign(process.env, carrierBenchEnv());
const { answerRawRateRequest } = await import("../../app/server/shipping/carrier-service/rates.server");
let serial = 0;
function cpuMicros(u: NodeJS.CpuUsage): number { return u.user + u.system; }
const body = () => Buffer.from(distinctCartBody(serial++));
const req = (b: Buffer) => ({ body: b, shopHeader: CARRIER_BENCH.shop, hmacHeader: signature(b) });
for (let i = 0; i < 20; i++) { await answerRawRateRequest(req(body())); await new Promise((r) => setTimeout(r, 200)); }
const N = Number(process.env.N ?? 30000);
const reqs = Array.from({ length: N }, () => req(body()));
const fixed = req(body()); await answerRawRateRequest(fixed);
// BENCH_WARM=<n>: n distinct answers first, untimed: the JIT, the memos (flags, HS codes, duty rules) and the quote
// cache's per-shop set at its cap, as in a busy shop's steady state, so the timed loop also pays for dropping answers.
for (let i = 0, warm = Number(process.env.BENCH_WARM ?? 0); i < warm; i++) await answerRawRateRequest(req(body()));
const { Session } = await import("node:inspector/promises");
const fs = await import("node:fs");
const session = process.env.BENCH_CPU_PROF ? new Session() : null;
if (session) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
}
// CPU time beside wall time: on the shared machine other processes stretch wall time, much less this process's CPU.
let t = performance.now();
let cpu = process.cpuUsage();
for (const r of reqs) { const a = await answerRawRateRequest(r); if (a.status !== 200) throw new Error(a.body); }
const distinct = (performance.now() - t) * 1000 / N;
const distinctCpu = cpuMicros(process.cpuUsage(cpu)) / N;
if (session) {
  const { profile } = await session.post("Profiler.stop");
  fs.mkdirSync(".data/profiles", { recursive: true });
  fs.writeFileSync(".data/profiles/quote-path.cpuprofile", JSON.stringify(profile));
}
t = performance.now();
cpu = process.cpuUsage();
for (let i = 0; i < N; i++) await answerRawRateRequest(fixed);
const repeat = (performance.now() - t) * 1000 / N;
const repeatCpu = cpuMicros(process.cpuUsage(cpu)) / N;
console.log(`quote-path: distinct ${distinct.toFixed(1)} µs/req (cpu ${distinctCpu.toFixed(1)}), repeat ${repeat.toFixed(1)} µs/req (cpu ${repeatCpu.toFixed(1)})`);
process.exit(0);

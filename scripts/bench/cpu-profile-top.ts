/**
 * The top frames of a V8 CPU profile (as `BENCH_CPU_PROF=1` writes to .data/profiles/), by self time and by total
 * time, with the source place relative to the repository. For issue #16's before/after comparison of the quote path.
 *
 * Run: npx tsx scripts/bench/cpu-profile-top.ts [.data/profiles/<file>.cpuprofile] [--top 15]
 *      (without a file: the newest profile in .data/profiles/)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const at = process.argv.indexOf("--top");
const TOP = at > 0 ? Number(process.argv[at + 1]) : 15;
const dir = path.join(ROOT, ".data/profiles");
const file = process.argv.slice(2).find((a) => a.endsWith(".cpuprofile"))
  ?? fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
if (!file) throw new Error("no .cpuprofile given or found in .data/profiles/");

const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = [...self.values()].reduce((s, v) => s + v, 0);
const idle = new Set(["(idle)", "(program)", "(garbage collector)"]);

const label = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^file:\/\//, "");
  const place = url ? `${path.relative(ROOT, url).replace(/^node_modules\//, "nm/")}:${n.callFrame.lineNumber + 1}` : "";
  return `${n.callFrame.functionName || "(anonymous)"} ${place}`.trim();
};

const selfByFrame = new Map<string, number>();
const totalByFrame = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  selfByFrame.set(label(node), (selfByFrame.get(label(node)) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    totalByFrame.set(l, (totalByFrame.get(l) ?? 0) + us);
  }
}
const busyUs = totalUs - [...selfByFrame].filter(([l]) => idle.has(l.split(" ")[0]!)).reduce((s, [, v]) => s + v, 0);
const pct = (us: number) => `${((us / totalUs) * 100).toFixed(1).padStart(5)} %`;
console.log(`${path.relative(ROOT, file)}: ${(totalUs / 1e6).toFixed(1)} s sampled, ${pct(busyUs)} busy`);
console.log(`top ${TOP} by self time:`);
for (const [l, us] of [...selfByFrame].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${pct(us)}  ${l}`);
console.log(`top ${TOP} app frames by total time (app/ and build/ only):`);
for (const [l, us] of [...totalByFrame].filter(([l]) => /\s(app|build)\//.test(l)).sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${pct(us)}  ${l}`);

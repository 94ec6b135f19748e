import type { CatalogStore } from "./catalog-store";

/** One change to a sandbox variant, as the feed serves it (the sandbox's own wire format). */
export interface SandboxChangeEvent {
  seq: number;
  vid: string;
  at: string;
  kind: "changed" | "discontinued";
  cost_fen?: number;
  stock?: Record<string, number>;
}

const KEEP = 10_000; // a bounded feed: a consumer that falls further behind re-reads stock instead

/**
 * The sandbox supplier's change events (price, stock, discontinued), served as a feed a consumer pages
 * through with a cursor, like JD's message queue; demos and tests change the catalog through `change`.
 */
export function createChangeLog(catalog: CatalogStore, now: () => number) {
  const events: SandboxChangeEvent[] = [];
  let seq = 0;
  const discontinued = new Set<string>();
  return {
    discontinued,
    change(vid: string, patch: { cost_fen?: number; stock?: Record<string, number>; discontinued?: boolean }): SandboxChangeEvent {
      const found = catalog.variant(vid);
      if (!found) throw new Error(`Unknown sandbox variant ${vid}`);
      const { variant } = found;
      if (patch.cost_fen !== undefined) variant.cost_fen = patch.cost_fen;
      if (patch.stock) Object.assign(variant.stock, patch.stock);
      if (patch.discontinued) {
        discontinued.add(vid);
        for (const code of Object.keys(variant.stock)) variant.stock[code] = 0;
      }
      const event: SandboxChangeEvent = patch.discontinued
        ? { seq: ++seq, vid, at: new Date(now()).toISOString(), kind: "discontinued" }
        : { seq: ++seq, vid, at: new Date(now()).toISOString(), kind: "changed", cost_fen: variant.cost_fen, stock: { ...variant.stock } };
      events.push(event);
      if (events.length > KEEP) events.splice(0, events.length - KEEP);
      return event;
    },
    page(after: number, limit: number): { events: SandboxChangeEvent[]; next: number } {
      const out = events.filter((e) => e.seq > after).slice(0, limit);
      return { events: out, next: out.at(-1)?.seq ?? Math.max(after, 0) };
    },
  };
}

export type SandboxChangeLog = ReturnType<typeof createChangeLog>;

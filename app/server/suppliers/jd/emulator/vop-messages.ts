// JD's pull-based message push (jd-contract.json → endpoints message/get and message/del; review F18):
// get returns [{id, type, time, result}] for the asked types, the client deletes each id after processing.
// Undeleted messages come back on every get: that is what makes "ack only after stored" safe.
import { beijingTime, requireField, paramFormat } from "./vop-envelope";

export interface VopMessage { id: number; type: number; time: string; result: Record<string, unknown> }

// Per get call; the published page size is not known, 100 matches the other published batch limits.
const PAGE = 100;
// Bounded: a client that never deletes loses the oldest messages first (JD's own retention is not published).
const MAX_QUEUE = 10_000;

export function createVopMessageQueue(now: () => number) {
  const queue = new Map<number, VopMessage>();
  let nextId = 1_000_001;

  return {
    push(type: number, result: Record<string, unknown>, at = now()): void {
      if (queue.size >= MAX_QUEUE) queue.delete(queue.keys().next().value!);
      const id = nextId++;
      queue.set(id, { id, type, time: beijingTime(at), result });
    },
    get(params: URLSearchParams): VopMessage[] {
      const raw = requireField(params, "type");
      const types = raw.split(",").map((t) => t.trim());
      if (types.some((t) => !/^\d+$/.test(t))) throw paramFormat("type", "应为逗号分隔的数字");
      const wanted = new Set(types.map(Number));
      return [...queue.values()].filter((m) => wanted.has(m.type)).slice(0, PAGE);
    },
    /** Deleting an id that is already gone answers true as well (unpublished; idempotent is the safe reading). */
    del(params: URLSearchParams): boolean {
      for (const id of requireField(params, "id").split(",")) queue.delete(Number(id));
      return true;
    },
    get pending(): readonly VopMessage[] {
      return [...queue.values()];
    },
  };
}

export type VopMessageQueue = ReturnType<typeof createVopMessageQueue>;

/**
 * Answers written together, once the event loop has read every request that was ready (its poll phase), instead of
 * one by one as each is computed. A busy server then writes its answers back to back: the peer (a load balancer, a
 * proxy on the same host, the benchmark's client) is woken once for the batch rather than once per answer, and the
 * quote code stays hot in the CPU's caches across the requests of one turn. An idle server's answer waits for nothing
 * but the end of its own turn (ADR 0720, "Thirteenth round").
 */

type Write = () => void;

let pending: Write[] = [];

function flush(): void {
  const batch = pending;
  pending = [];
  for (let i = 0; i < batch.length; i++) {
    try {
      batch[i]!();
    } catch (error) {
      // One answer's failure is its own: the rest of the batch is still written.
      console.error(`[http] a batched answer failed: ${error instanceof Error ? error.name : "unknown error"}`);
    }
  }
}

/** Runs `write` after every request ready in this turn of the event loop has been handled (setImmediate runs right
 *  after the poll phase), together with the other writes queued in the same turn, in the order they were queued. */
export function writeAfterPoll(write: Write): void {
  if (pending.push(write) === 1) setImmediate(flush);
}

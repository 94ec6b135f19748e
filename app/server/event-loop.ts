/**
 * How work shares the web process's event loop with checkout requests.
 *
 * Answers are written together, once the loop has read every request that was ready (its poll phase), instead of
 * one by one as each is computed: a busy server then writes its answers back to back, so the peer (a load balancer, a
 * proxy on the same host, the benchmark's client) is woken once for the batch rather than once per answer, and the
 * quote code stays hot in the CPU's caches across the turn's requests. An idle server's answer waits for nothing but
 * the end of its own turn (ADR 0720, "Thirteenth round"). Another request's handler (an admin page, a webhook) runs
 * only after the answers already computed in its turn have been written (carrier-service-fast-path.ts).
 *
 * Long work (mapping-table loads, the SLA flush) yields between steps: on SQLite the driver reads synchronously and
 * Prisma's queries resolve at once, so without yielding a chain of queries runs as microtasks and never lets a
 * request in (ADR 0720, "Ninth round"). Its next step runs after the answers waiting to be written have gone out.
 */

type Write = () => void;

let pending: Write[] = [];

/** Writes the answers queued so far, now: before work that would hold them back (another request's handler). */
export function writeWaitingAnswers(): void {
  if (pending.length === 0) return;
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
  if (pending.push(write) === 1) setImmediate(writeWaitingAnswers);
}

/** Resolves after the event loop has run what was waiting (I/O callbacks such as checkout requests), and after the
 *  answers they queued are written: a step of long work queued before them must not hold them back. */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) =>
    setImmediate(() => {
      writeWaitingAnswers();
      resolve();
    }),
  );

import { afterEach, describe, expect, it, vi } from "vitest";
import { writeAfterPoll, yieldToEventLoop } from "./event-loop";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => vi.restoreAllMocks());

describe("answers written after the turn's requests", () => {
  it("writes nothing while the turn's requests are still being handled, then every queued answer in order", async () => {
    const written: string[] = [];
    for (const name of ["first", "second", "third"]) writeAfterPoll(() => written.push(name));
    expect(written).toEqual([]);
    await Promise.resolve(); // a promise's continuation (an answer computed asynchronously) comes before the batch too
    expect(written).toEqual([]);
    await nextTurn();
    expect(written).toEqual(["first", "second", "third"]);
  });

  it("writes an answer queued by another answer's write in a later batch, not never", async () => {
    const written: string[] = [];
    writeAfterPoll(() => {
      written.push("outer");
      writeAfterPoll(() => written.push("inner"));
    });
    await nextTurn();
    expect(written).toEqual(["outer"]);
    await nextTurn();
    expect(written).toEqual(["outer", "inner"]);
  });

  it("writes the turn's answers before the next step of long work that yielded earlier", async () => {
    const order: string[] = [];
    // A table load yields between pages; its next page is queued before this turn's requests are read.
    const load = (async () => {
      await yieldToEventLoop();
      order.push("next page");
    })();
    writeAfterPoll(() => order.push("answer"));
    await load;
    await nextTurn();
    expect(order).toEqual(["answer", "next page"]);
  });

  it("still writes the rest of the batch when one write throws, and logs no more than the error's name", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const written: string[] = [];
    writeAfterPoll(() => written.push("before"));
    writeAfterPoll(() => {
      throw new TypeError("buyer@example.com's socket");
    });
    writeAfterPoll(() => written.push("after"));
    await nextTurn();
    expect(written).toEqual(["before", "after"]);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toContain("TypeError");
    expect(String(logged.mock.calls[0]![0])).not.toContain("example.com");
  });
});

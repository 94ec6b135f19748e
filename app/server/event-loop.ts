/**
 * Resolves after the event loop has run what was waiting (I/O callbacks such as checkout requests). Long work in the
 * web process awaits it between steps: on SQLite the driver reads synchronously and Prisma's queries resolve at once,
 * so without it a chain of queries runs as microtasks and never lets a request in (ADR 0720, "Ninth round").
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

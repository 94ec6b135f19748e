// SQLite (and Prisma's adapters) cap bound parameters per statement; large "id IN (…)" lists go in slices.
export const IN_LIST_LIMIT = 500;

export async function inChunks<T, R>(values: readonly T[], run: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += IN_LIST_LIMIT) out.push(...(await run(values.slice(i, i + IN_LIST_LIMIT))));
  return out;
}

// JD's pull-based message push (jd-contract.json → endpoints message/get, message/del; review F18). Pulling over
// the authenticated API means there is no signature to verify; deleting is the acknowledgement.
import { z } from "zod";
import { ok, type SupplierResult } from "../supplier-result";

/** The types Silkroute consumes: 1 拆单, 2 价格变更, 4 上下架, 5 妥投/拒收, 10 取消, 12 配送单生成, 15 未确认取消, 31 完成. */
export const JD_MESSAGE_TYPES = [1, 2, 4, 5, 10, 12, 15, 31] as const;
export const PRODUCT_MESSAGE_TYPES: ReadonlySet<number> = new Set([2, 4]);

export interface JdMessage { readonly id: string; readonly type: number; readonly time: string; readonly result: Record<string, unknown> }

export interface JdMessageApi {
  get(types?: readonly number[]): Promise<SupplierResult<JdMessage[]>>;
  del(id: string): Promise<SupplierResult<void>>;
}

type Call = (path: string, params: Record<string, string>) => Promise<SupplierResult<unknown>>;

const MessagesWire = z.array(z.object({
  id: z.union([z.number(), z.string()]), type: z.union([z.number(), z.string()]), time: z.string().optional(),
  result: z.union([z.record(z.string(), z.unknown()), z.string()]).nullable().optional(),
})).nullable();

export function createJdMessageApi(call: Call): JdMessageApi {
  return {
    async get(types = JD_MESSAGE_TYPES) {
      const r = await call("/api/message/get", { type: types.join(",") });
      if (!r.ok) return r.error.supplierCode === "0010" ? ok([]) : r; // 0010 返回数据为空
      return ok((MessagesWire.parse(r.value) ?? []).map((m) => ({
        id: String(m.id), type: Number(m.type), time: m.time ?? "",
        result: typeof m.result === "string" ? (JSON.parse(m.result) as Record<string, unknown>) : m.result ?? {},
      })));
    },
    async del(id) {
      const r = await call("/api/message/del", { id });
      return r.ok ? ok(undefined) : r;
    },
  };
}

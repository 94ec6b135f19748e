/**
 * The merchant's delivery rules, Silkroute's replacement for shipping Scripts (stopped 2026-06-30;
 * shared/reference/platform-and-peers-2026.md §1.4): hide options for restricted items or PO boxes, rename, and
 * lead with the fastest option. Configured on the shipping page and written to the delivery customization's
 * metafield `$app:silkroute` / `delivery-rules`:
 *   { "hideForPoBox": ["SR-EXPRESS"],
 *     "hideForFlags": [{ "flags": ["battery"], "codes": ["SR-EXPRESS"] }],
 *     "rename": [{ "code": "SR-POST-ECONOMY", "title": "China Post, duties included" }],
 *     "fastestFirst": ["SR-US-LOCAL", "SR-EXPRESS", "SR-POST-ECONOMY"] }
 * Item flags come from the variant metafield the app writes for the restricted-items validation
 * (`$app:silkroute` / `restrictions`). "In stock" needs no data here: Silkroute's carrier service only offers a
 * service from a warehouse that holds the items, so every offered Silkroute option is in stock.
 */
export interface DeliveryRules {
  hideForPoBox: string[];
  hideForFlags: Array<{ flags: string[]; codes: string[] }>;
  rename: Array<{ code: string; title: string }>;
  fastestFirst: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const records = (value: unknown): Array<Record<string, unknown>> =>
  (Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === "object") : []);

export function parseRules(value: unknown): DeliveryRules | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  const rules: DeliveryRules = {
    hideForPoBox: strings(v.hideForPoBox),
    hideForFlags: records(v.hideForFlags).map((r) => ({ flags: strings(r.flags), codes: strings(r.codes) })).filter((r) => r.flags.length && r.codes.length),
    rename: records(v.rename).flatMap((r) => (typeof r.code === "string" && typeof r.title === "string" && r.title.trim() ? [{ code: r.code, title: r.title.trim() }] : [])),
    fastestFirst: strings(v.fastestFirst),
  };
  const empty = !rules.hideForPoBox.length && !rules.hideForFlags.length && !rules.rename.length && !rules.fastestFirst.length;
  return empty ? null : rules;
}

// English, German, French, Spanish and Chinese spellings of a post-office box.
const PO_BOX = /(\bp\.?\s*o\.?\s*box\b|\bpost\s+office\s+box\b|\bpostfach\b|\bbo[iî]te\s+postale\b|\bapartado\s+postal\b|邮政信箱)/i;

export function isPoBox(address: { address1?: string | null; address2?: string | null } | null | undefined): boolean {
  return !!address && PO_BOX.test(`${address.address1 ?? ""} ${address.address2 ?? ""}`);
}

export interface GroupFacts {
  poBox: boolean;
  /** Hazard flags of the items in this delivery group. */
  flags: Set<string>;
}

export type Operation =
  | { deliveryOptionHide: { deliveryOptionHandle: string } }
  | { deliveryOptionRename: { deliveryOptionHandle: string; title: string } }
  | { deliveryOptionMove: { deliveryOptionHandle: string; index: number } };

interface Option { handle: string; code?: string | null; title?: string | null; deliveryMethodType: string }

/**
 * Operations for one delivery group. `alreadyHidden` are handles other logic hides. Hides never take away the
 * group's last shipping option: a buyer with no option cannot check out at all, which is worse than a slow one.
 */
export function applyRules(rules: DeliveryRules, options: Option[], facts: GroupFacts, alreadyHidden: Set<string>): Operation[] {
  // Local delivery and pickup cannot be customized (Delivery Customization API reference).
  const shipping = options.filter((o) => o.deliveryMethodType === "SHIPPING");
  const code = (o: Option) => o.code ?? "";
  const wanted = shipping.filter((o) => !alreadyHidden.has(o.handle) && (
    (facts.poBox && rules.hideForPoBox.includes(code(o)))
    || rules.hideForFlags.some((r) => r.codes.includes(code(o)) && r.flags.some((f) => facts.flags.has(f)))));
  const visibleBefore = shipping.filter((o) => !alreadyHidden.has(o.handle));
  const hide = wanted.length < visibleBefore.length ? wanted : [];
  const hidden = new Set([...alreadyHidden, ...hide.map((o) => o.handle)]);
  const operations: Operation[] = hide.map((o) => ({ deliveryOptionHide: { deliveryOptionHandle: o.handle } }));

  for (const o of shipping) {
    const rename = rules.rename.find((r) => r.code === code(o));
    if (rename && !hidden.has(o.handle) && rename.title !== o.title) operations.push({ deliveryOptionRename: { deliveryOptionHandle: o.handle, title: rename.title } });
  }

  const rank = (o: Option) => rules.fastestFirst.indexOf(code(o));
  const ranked = options.filter((o) => !hidden.has(o.handle) && rank(o) >= 0).sort((a, b) => rank(a) - rank(b));
  const fastest = ranked[0];
  const first = options.find((o) => !hidden.has(o.handle));
  if (fastest && first && fastest.handle !== first.handle) operations.push({ deliveryOptionMove: { deliveryOptionHandle: fastest.handle, index: 0 } });
  return operations;
}

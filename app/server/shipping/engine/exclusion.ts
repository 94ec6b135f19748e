/**
 * An exclusion (a service that cannot quote this cart, and why) as the engine builds it. Its reason is a catalog
 * message; the English `detail` is rendered from the catalog only when something reads it (a log line, the
 * simulator, a test). Checkout excludes some service on most carts and reads none of these sentences, and rendering
 * one through i18next cost the callback more than pricing a parcel (ADR 0720, "Third round").
 */
import { englishText } from "../../../i18n/english";
import { message, type Message } from "../../../i18n/message";
import type { Exclusion } from "./quote-types";

/**
 * A class, not an object literal with a getter: V8 builds a literal holding an accessor through its slow path
 * (~20 × the cost of a plain object, and a distinct cart excludes a few services), while the class's getter lives
 * once on the prototype. `toJSON` keeps the serialised shape the literal had: detail after reason, sku only if given.
 */
class EngineExclusion implements Exclusion {
  #english: string | undefined;
  readonly sku?: string | null;
  constructor(readonly serviceCode: string | null, readonly reason: Exclusion["reason"], readonly text: Message, sku?: string | null) {
    if (sku !== undefined) this.sku = sku;
  }

  get detail(): string {
    return (this.#english ??= englishText(this.text));
  }

  toJSON(): Exclusion {
    const { serviceCode, reason, detail, text } = this;
    return this.sku === undefined ? { serviceCode, reason, detail, text } : { serviceCode, reason, detail, text, sku: this.sku };
  }
}

export function exclusion(
  serviceCode: string | null, reason: Exclusion["reason"], key: `messages:${string}`,
  values?: Record<string, string | number>, sku?: string | null,
): Exclusion {
  return new EngineExclusion(serviceCode, reason, message(key, values), sku);
}

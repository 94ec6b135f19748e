/**
 * Paces Admin GraphQL calls per shop with a local model of Shopify's leaky bucket, fed by each
 * response's extensions.cost.throttleStatus, so we wait before sending instead of getting THROTTLED.
 * Restore rates by plan: Standard 100, Advanced 200, Plus 1,000, Enterprise 2,000 points/s.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface Bucket extends ThrottleStatus {
  observedAt: number;
  queue: Promise<void>;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// Until the first response tells us otherwise, assume the smallest plan's bucket.
const DEFAULT_STATUS: ThrottleStatus = { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 };

export class CostPacer {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: Clock = realClock) {}

  private bucket(shop: string): Bucket {
    let bucket = this.buckets.get(shop);
    if (!bucket) {
      bucket = { ...DEFAULT_STATUS, observedAt: this.clock.now(), queue: Promise.resolve() };
      this.buckets.set(shop, bucket);
    }
    return bucket;
  }

  /** Points the bucket holds now, by our model. */
  available(shop: string): number {
    const b = this.bucket(shop);
    const restored = ((this.clock.now() - b.observedAt) / 1000) * b.restoreRate;
    return Math.min(b.maximumAvailable, b.currentlyAvailable + restored);
  }

  /** Waits until `cost` points are available for the shop, then takes them. Callers queue in order. */
  reserve(shop: string, cost: number): Promise<void> {
    const b = this.bucket(shop);
    const turn = b.queue.then(async () => {
      const needed = Math.min(cost, b.maximumAvailable);
      const available = this.available(shop);
      if (available < needed) await this.clock.sleep(Math.ceil(((needed - available) / b.restoreRate) * 1000));
      const now = this.available(shop);
      b.currentlyAvailable = now - needed;
      b.observedAt = this.clock.now();
    });
    b.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Replaces our model with what Shopify reported. */
  observe(shop: string, status: ThrottleStatus): void {
    const b = this.bucket(shop);
    b.maximumAvailable = status.maximumAvailable;
    b.currentlyAvailable = status.currentlyAvailable;
    b.restoreRate = status.restoreRate;
    b.observedAt = this.clock.now();
  }

  /** How long until `cost` points will be there. */
  waitFor(shop: string, cost: number): number {
    const b = this.bucket(shop);
    const missing = Math.min(cost, b.maximumAvailable) - this.available(shop);
    return missing <= 0 ? 0 : Math.ceil((missing / b.restoreRate) * 1000);
  }
}

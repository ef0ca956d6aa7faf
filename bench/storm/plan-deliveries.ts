import type { SignedDelivery } from '../product/signed-delivery.js';

/**
 * The delivery order of a storm: every event once in Stripe's order, and
 * a seeded `share` of them a second time, each duplicate placed at a
 * random later position (sometimes right behind the first, so both are in
 * flight together).
 */
export function planDeliveries(
  deliveries: readonly SignedDelivery[],
  share: number,
  seed: number,
): SignedDelivery[] {
  const random = seededRandom(seed);
  const plan: SignedDelivery[] = [...deliveries];
  for (const delivery of deliveries) {
    if (random() >= share) continue;
    const first = plan.indexOf(delivery);
    const at = first + 1 + Math.floor(random() * (plan.length - first));
    plan.splice(at, 0, delivery);
  }
  return plan;
}

/** A small seeded generator (mulberry32), values in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

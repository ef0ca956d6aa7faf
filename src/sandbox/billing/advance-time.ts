import type Stripe from 'stripe';

import type { SandboxContext } from '../sandbox-context.js';
import { MinHeap } from './min-heap.js';
import { nextDueAt, runDue } from './subscription-cycle.js';

/**
 * Moves subscriptions forward to `target` (unix seconds), performing every
 * renewal, trial end, retry and cancellation due on the way, earliest
 * first across all of them. `onMoment` is told each moment before its work
 * runs (a test clock sets its frozen time there).
 */
export function advanceSubscriptions(
  context: SandboxContext,
  subscriptionIds: Iterable<string>,
  target: number,
  onMoment: (at: number) => void = () => {},
): number {
  const heap = new MinHeap<Stripe.Subscription>();
  for (const id of subscriptionIds) {
    const subscription = context.state.subscriptions.get(id);
    if (!subscription) continue;
    const due = nextDueAt(context, subscription);
    if (due !== null && due <= target) heap.push(due, subscription);
  }
  let steps = 0;
  while (heap.size > 0) {
    const at = heap.peekPriority() as number;
    const subscription = heap.pop() as Stripe.Subscription;
    onMoment(at);
    runDue(context, subscription, at);
    steps += 1;
    const due = nextDueAt(context, subscription);
    const isLater = due !== null && due > at && due <= target;
    if (isLater) heap.push(due, subscription);
  }
  return steps;
}

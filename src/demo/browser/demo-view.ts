/// <reference lib="dom" />
import type { PublicPlan, SubscriptionState } from '../../client/index.js';

/** Finds an element of the demo page by id; the page always has it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The demo page has no #${id}.`);
  return element as T;
}

/** Says something in the page's live status region. */
export function announce(message: string): void {
  byId('status').textContent = message;
}

/** Formats an amount in the currency's smallest unit, e.g. `$29.00`. */
export function formatAmount(amount: number, currency: string): string {
  const format = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: currency.toUpperCase(),
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** Formats an ISO 8601 date as a long local date. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/** What a Subscribe button asks for. */
export interface PlanChoice {
  readonly plan: string;
  readonly interval: 'month' | 'year';
}

/** Fills the plan list: name, prices, entitlements, a button per price. */
export function renderPlans(
  plans: readonly PublicPlan[],
  onSubscribe: (choice: PlanChoice) => void,
): void {
  const list = byId('plan-list');
  list.replaceChildren(...plans.map((plan) => planItem(plan, onSubscribe)));
  byId('plans').hidden = false;
}

function planItem(
  plan: PublicPlan,
  onSubscribe: (choice: PlanChoice) => void,
): HTMLLIElement {
  const item = document.createElement('li');
  const title = document.createElement('h3');
  title.textContent = plan.name;
  item.append(title);
  if (plan.trialDays) {
    item.append(paragraph(`${plan.trialDays}-day free trial`));
  }

  const entitlements = document.createElement('ul');
  entitlements.setAttribute('aria-label', `${plan.name} entitlements`);
  for (const entitlement of plan.entitlements) {
    const entry = document.createElement('li');
    entry.textContent = entitlement;
    entitlements.append(entry);
  }
  item.append(entitlements);

  for (const price of plan.prices) {
    const per = price.interval === 'month' ? 'month' : 'year';
    item.append(
      paragraph(`${formatAmount(price.amount, price.currency)} / ${per}`),
    );
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `Subscribe to ${plan.name} ${price.interval}ly`;
    button.className = 'subscribe';
    button.addEventListener('click', () =>
      onSubscribe({ plan: plan.key, interval: price.interval }),
    );
    item.append(button);
  }
  return item;
}

function paragraph(text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.textContent = text;
  return element;
}

/** Shows the user's subscription on the dashboard. */
export function renderSubscription(
  subscription: SubscriptionState,
  plans: readonly PublicPlan[],
): void {
  const plan = plans.find((candidate) => candidate.key === subscription.plan);
  byId('sub-plan').textContent = plan?.name ?? subscription.plan ?? 'None';
  byId('sub-status').textContent = describeStatus(subscription);
  byId('sub-period-end').textContent = subscription.currentPeriodEnd
    ? formatDate(subscription.currentPeriodEnd)
    : '-';
  byId('sub-entitlements').textContent =
    subscription.entitlements.join(', ') || 'None';

  const notice = byId('cancel-notice');
  const cancelsOn =
    subscription.cancelAtPeriodEnd && subscription.currentPeriodEnd;
  notice.hidden = !cancelsOn;
  notice.textContent = cancelsOn
    ? `Your subscription cancels on ${formatDate(cancelsOn)}.`
    : '';
  byId('manage-billing').hidden = subscription.status === 'none';
  showSubscribed(subscription.hasAccess);
}

/**
 * Disables the Subscribe buttons, and says why, while the user has a
 * subscription that grants access: a second checkout would be refused, and
 * plan changes go through the billing portal.
 */
export function showSubscribed(isSubscribed: boolean): void {
  byId('subscribed-notice').hidden = !isSubscribed;
  const buttons =
    byId('plan-list').querySelectorAll<HTMLButtonElement>('button.subscribe');
  buttons.forEach((button) => {
    button.disabled = isSubscribed;
    if (isSubscribed) {
      button.setAttribute('aria-describedby', 'subscribed-notice');
    } else {
      button.removeAttribute('aria-describedby');
    }
  });
}

function describeStatus(subscription: SubscriptionState): string {
  const status = subscription.status.replace(/_/g, ' ');
  const label = status.charAt(0).toUpperCase() + status.slice(1);
  return subscription.hasAccess ? label : `${label} (no access)`;
}

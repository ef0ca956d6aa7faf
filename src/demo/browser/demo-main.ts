/// <reference lib="dom" />
import {
  BillingApiError,
  BillingClient,
  type PublicPlan,
  type SubscriptionState,
} from '../../client/index.js';
import {
  announce,
  byId,
  type PlanChoice,
  renderPlans,
  renderSubscription,
  showSubscribed,
} from './demo-view.js';
import { pollSubscription } from './poll-subscription.js';

/** Session storage keys of the demo page. */
const STORED = {
  token: 'billing-demo.token',
  user: 'billing-demo.user',
  beforePortal: 'billing-demo.before-portal',
} as const;

const billing = new BillingClient({
  baseUrl: window.location.origin,
  getToken: () => sessionStorage.getItem(STORED.token) ?? '',
});

let plans: readonly PublicPlan[] = [];

async function start(): Promise<void> {
  byId<HTMLFormElement>('sign-in-form').addEventListener('submit', signIn);
  byId('sign-out').addEventListener('click', signOut);
  byId('manage-billing').addEventListener('click', () => void manageBilling());

  plans = (await billing.getConfig()).plans;
  renderPlans(plans, (choice) => void subscribe(choice));
  if (sessionStorage.getItem(STORED.token)) await showAccount();
}

async function signIn(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const userId = String(form.get('userId') ?? '').trim();
  const email = String(form.get('email') ?? '').trim();
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(email ? { userId, email } : { userId }),
  });
  if (!response.ok) {
    announce('Sign-in failed: check the user id and email.');
    return;
  }
  const { token } = (await response.json()) as { token: string };
  sessionStorage.setItem(STORED.token, token);
  sessionStorage.setItem(STORED.user, userId);
  announce(`Signed in as ${userId}.`);
  await showAccount();
}

function signOut(): void {
  sessionStorage.clear();
  byId('account').hidden = true;
  byId('sign-in').hidden = false;
  showSubscribed(false);
  announce('Signed out.');
}

async function showAccount(): Promise<void> {
  byId('sign-in').hidden = true;
  byId('account').hidden = false;
  byId('signed-in-user').textContent = sessionStorage.getItem(STORED.user);
  try {
    await refreshAfterRedirect();
  } catch (error) {
    report(error);
  }
}

/** After checkout or the portal, waits for the webhook to catch up. */
async function refreshAfterRedirect(): Promise<void> {
  const query = new URLSearchParams(window.location.search);
  const checkout = query.get('checkout');
  const beforePortal = sessionStorage.getItem(STORED.beforePortal);
  sessionStorage.removeItem(STORED.beforePortal);
  window.history.replaceState(null, '', window.location.pathname);

  if (checkout === 'success') {
    announce("Waiting for Stripe's confirmation...");
    const state = await pollUntil(isSettledAfterCheckout);
    announce(
      isSettledAfterCheckout(state)
        ? 'Subscription confirmed.'
        : 'Still waiting for Stripe: reload the page in a moment.',
    );
  } else if (beforePortal) {
    announce('Checking for changes made in the billing portal...');
    const state = await pollUntil((s) => JSON.stringify(s) !== beforePortal);
    announce(
      JSON.stringify(state) === beforePortal
        ? 'No change to your subscription.'
        : 'Subscription updated.',
    );
  } else {
    if (checkout === 'canceled') announce('Checkout canceled.');
    renderSubscription(await billing.getSubscription(), plans);
  }
}

/**
 * Whether the webhook has recorded the checkout's outcome: until the first
 * payment is confirmed the subscription is absent or `incomplete`.
 */
function isSettledAfterCheckout(state: SubscriptionState): boolean {
  return (
    state.hasAccess ||
    (state.status !== 'none' && state.status !== 'incomplete')
  );
}

function pollUntil(
  isDone: (state: SubscriptionState) => boolean,
): Promise<SubscriptionState> {
  return pollSubscription({
    read: () => billing.getSubscription(),
    isDone,
    onRead: (state) => renderSubscription(state, plans),
  });
}

async function subscribe(choice: PlanChoice): Promise<void> {
  if (!sessionStorage.getItem(STORED.token)) {
    announce('Sign in first to subscribe.');
    return;
  }
  try {
    announce('Opening checkout...');
    const { url } = await billing.startCheckout(choice);
    window.location.assign(url);
  } catch (error) {
    report(error);
  }
}

async function manageBilling(): Promise<void> {
  try {
    announce('Opening the billing portal...');
    const current = await billing.getSubscription();
    const { url } = await billing.openPortal();
    sessionStorage.setItem(STORED.beforePortal, JSON.stringify(current));
    window.location.assign(url);
  } catch (error) {
    report(error);
  }
}

function report(error: unknown): void {
  if (!(error instanceof BillingApiError)) {
    announce('Something went wrong. Try again.');
    return;
  }
  if (error.code === 'unauthorized') {
    signOut();
    announce('Your session ended: sign in again.');
  } else if (error.code === 'already_subscribed') {
    announce('You already subscribe: use Manage billing to change plans.');
  } else {
    announce(error.message);
  }
}

void start().catch(report);

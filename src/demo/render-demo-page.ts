/** Where the demo page's assets are served. */
export const DEMO_ASSET_PATHS = {
  billingClient: '/assets/billing-client.js',
  script: '/assets/demo.js',
  styles: '/assets/demo.css',
} as const;

/**
 * The demo page's HTML: a sign-in form, the subscription dashboard and the
 * plans. It carries no data; the script fills it in through the typed
 * billing client, writing text only (never HTML), so nothing a user or
 * Stripe sends can become markup.
 */
export function renderDemoPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Billing demo</title>
<link rel="stylesheet" href="${DEMO_ASSET_PATHS.styles}">
<script type="module" src="${DEMO_ASSET_PATHS.script}"></script>
</head>
<body>
<header>
  <h1>Billing demo</h1>
  <p>A product page using the billing API with the local Stripe sandbox.</p>
</header>
<main>
  <p id="status" role="status" aria-live="polite"></p>

  <section id="sign-in" aria-labelledby="sign-in-title">
    <h2 id="sign-in-title">Sign in</h2>
    <form id="sign-in-form">
      <label for="user-id">User id</label>
      <input id="user-id" name="userId" required maxlength="128"
        autocomplete="username" value="demo-user">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="email"
        value="demo@example.com">
      <button type="submit">Sign in</button>
    </form>
  </section>

  <section id="account" aria-labelledby="account-title" hidden>
    <h2 id="account-title">Your subscription</h2>
    <p>Signed in as <strong id="signed-in-user"></strong>.
      <button type="button" id="sign-out">Sign out</button></p>
    <dl>
      <dt>Plan</dt><dd id="sub-plan">None</dd>
      <dt>Status</dt><dd id="sub-status">none</dd>
      <dt>Current period ends</dt><dd id="sub-period-end">-</dd>
      <dt>Entitlements</dt><dd id="sub-entitlements">None</dd>
    </dl>
    <p id="cancel-notice" hidden></p>
    <button type="button" id="manage-billing" hidden>Manage billing</button>
  </section>

  <section id="plans" aria-labelledby="plans-title" hidden>
    <h2 id="plans-title">Plans</h2>
    <p id="subscribed-notice" hidden>You are subscribed; change plans in
      Manage billing.</p>
    <ul id="plan-list"></ul>
  </section>
</main>
</body>
</html>
`;
}

import { describe, expect, it } from 'vitest';

import { buildDemoAssets } from './build-demo-assets.js';

describe('Function: buildDemoAssets', () => {
  it('compiles the typed client into one browser module', async () => {
    const { billingClient } = await buildDemoAssets();

    const module = await import(
      `data:text/javascript;base64,${Buffer.from(billingClient).toString('base64')}`
    );

    expect(typeof module.BillingClient).toBe('function');
    expect(typeof module.BillingApiError).toBe('function');
  });

  it('makes the page script load the served client instead of a copy', async () => {
    const { script } = await buildDemoAssets();

    expect(script).toMatch(/from\s*["']\/assets\/billing-client\.js["']/);
    expect(script).not.toContain('class BillingClient');
  });
});

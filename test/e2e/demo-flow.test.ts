import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  type LocalStack,
  startLocalStack,
} from '../../src/entry/local/local-stack.js';

/** Debian's chromium; `.ci/run` installs it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the last screenshot of the flow is written, for a human to look. */
const SCREENSHOT = join(tmpdir(), 'billing-demo-flow.png');

/**
 * How long one step may wait for the page, in milliseconds: the page
 * itself polls for up to 60 s for Stripe's confirmation, and a busy
 * machine can be slow to start Chromium or deliver a webhook.
 */
const STEP_TIMEOUT_MS = 60_000;

/** How long one whole flow may take, in milliseconds (a few steps). */
const FLOW_TIMEOUT_MS = 4 * STEP_TIMEOUT_MS;

describe('Demo page: subscribe and cancel in a real browser', () => {
  let folder: string;
  let stack: LocalStack;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: run apt-get install -y chromium, ` +
          'or set CHROMIUM_PATH.',
      );
    }
    vi.stubEnv('LOG_LEVEL', 'SILENT');
    folder = await mkdtemp(join(tmpdir(), 'demo-flow-'));
    stack = await startLocalStack({
      port: 0,
      sandboxPort: 0,
      dataDir: join(folder, 'data'),
      env: {},
      quiet: true,
    });
    browser = await chromium.launchPersistentContext(join(folder, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    vi.unstubAllEnvs();
    await rm(folder, { recursive: true, force: true });
  });

  it('signs in, subscribes with a test card and sees the subscription active', {
    timeout: FLOW_TIMEOUT_MS,
  }, async () => {
    await page.goto(`${stack.url}/`);
    await page.getByLabel('User id').fill('e2e-user');
    await page.getByLabel('Email').fill('e2e-user@example.com');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#signed-in-user', { hasText: 'e2e-user' }).waitFor();

    await page
      .getByRole('button', { name: 'Subscribe to Starter monthly' })
      .click();
    await page.waitForURL(`${stack.sandboxUrl}/**`);
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await page.waitForURL(`${stack.url}/**`);
    await page
      .getByRole('status')
      .filter({ hasText: 'Subscription confirmed.' })
      .waitFor();

    expect(await page.locator('#sub-status').textContent()).toBe('Active');
    expect(await page.locator('#sub-plan').textContent()).toBe('Starter');
    expect(await page.locator('#sub-entitlements').textContent()).toBe(
      'projects:3, support:email',
    );
    expect(await page.locator('#subscribed-notice').textContent()).toMatch(
      /^You are subscribed; change plans in\s+Manage billing\.$/,
    );
    await expect(
      page
        .getByRole('button', { name: 'Subscribe to Starter monthly' })
        .isDisabled(),
    ).resolves.toBe(true);
  });

  it('cancels in the billing portal and shows when the subscription ends', {
    timeout: FLOW_TIMEOUT_MS,
  }, async () => {
    await page.getByRole('button', { name: 'Manage billing' }).click();
    await page.waitForURL(`${stack.sandboxUrl}/**`);
    await page.getByRole('button', { name: 'Cancel at period end' }).click();
    await page.getByRole('button', { name: 'Resume subscription' }).waitFor();
    await page.getByRole('link', { name: 'Return to the app' }).click();
    await page.waitForURL(`${stack.url}/**`);
    await page.getByText(/cancels on/i).waitFor();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    const periodEnd = await page.locator('#sub-period-end').textContent();
    expect(await page.locator('#cancel-notice').textContent()).toBe(
      `Your subscription cancels on ${periodEnd}.`,
    );
    expect(await page.locator('#sub-status').textContent()).toBe('Active');
  });
});

import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';

import { mountDemoPage } from './mount-demo-page.js';

describe('Function: mountDemoPage', () => {
  let app: Hono;

  beforeAll(() => {
    app = new Hono();
    mountDemoPage(app, {
      billingClient: 'export class BillingClient {}',
      script: 'import "/assets/billing-client.js";',
    });
  });

  it('serves the page with a policy allowing only its own scripts', async () => {
    const response = await app.request('/');

    const policy = response.headers.get('content-security-policy') ?? '';
    expect(response.status).toBe(200);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('labels every input and announces status changes', async () => {
    const html = await (await app.request('/')).text();

    const inputIds = [...html.matchAll(/<input id="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(inputIds).toEqual(['user-id', 'email']);
    for (const id of inputIds) expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('role="status" aria-live="polite"');
  });

  it.each([
    ['/assets/billing-client.js', 'text/javascript', 'class BillingClient'],
    ['/assets/demo.js', 'text/javascript', '/assets/billing-client.js'],
    ['/assets/demo.css', 'text/css', '#plan-list'],
  ])('serves %s as %s, never cached', async (path, type, content) => {
    const response = await app.request(path);

    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain(content);
  });
});

import type { Env, Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

import type { DemoAssets } from './build-demo-assets.js';
import { DEMO_STYLES } from './demo-styles.js';
import { DEMO_ASSET_PATHS, renderDemoPage } from './render-demo-page.js';

const JAVASCRIPT = 'text/javascript; charset=utf-8';

/**
 * Serves the demo page at `/` and its assets under `/assets/`. A strict
 * content security policy allows only the page's own scripts, styles and
 * API calls; assets are not cached, so a restart shows fresh code.
 */
export function mountDemoPage<E extends Env>(
  app: Hono<E>,
  assets: DemoAssets,
): void {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
  });
  const page = renderDemoPage();

  app.get('/', headers, (c) => c.html(page));
  app.get(DEMO_ASSET_PATHS.billingClient, headers, (c) =>
    c.body(assets.billingClient, 200, assetHeaders(JAVASCRIPT)),
  );
  app.get(DEMO_ASSET_PATHS.script, headers, (c) =>
    c.body(assets.script, 200, assetHeaders(JAVASCRIPT)),
  );
  app.get(DEMO_ASSET_PATHS.styles, headers, (c) =>
    c.body(DEMO_STYLES, 200, assetHeaders('text/css; charset=utf-8')),
  );
}

function assetHeaders(contentType: string): Record<string, string> {
  return { 'content-type': contentType, 'cache-control': 'no-store' };
}

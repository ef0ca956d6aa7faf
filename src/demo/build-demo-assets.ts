import { fileURLToPath } from 'node:url';

import { build, type Plugin } from 'esbuild';

import { DEMO_ASSET_PATHS } from './render-demo-page.js';

/** The demo page's scripts, compiled for browsers. */
export interface DemoAssets {
  /** The typed billing client as one ES module. */
  readonly billingClient: string;
  /** The page's script; imports the client from its served path. */
  readonly script: string;
}

const CLIENT_ENTRY = fileURLToPath(
  new URL('../client/index.ts', import.meta.url),
);
const SCRIPT_ENTRY = fileURLToPath(
  new URL('./browser/demo-main.ts', import.meta.url),
);

/**
 * Compiles the billing client and the demo script with esbuild, in memory,
 * once at startup: the page needs no front-end build step. The script
 * loads the client from `/assets/billing-client.js` rather than bundling
 * its own copy, so the page uses exactly the client frontends get.
 */
export async function buildDemoAssets(): Promise<DemoAssets> {
  const [billingClient, script] = await Promise.all([
    bundle(CLIENT_ENTRY, []),
    bundle(SCRIPT_ENTRY, [servedClient]),
  ]);
  return { billingClient, script };
}

async function bundle(entry: string, plugins: Plugin[]): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${entry}.`);
  return output.text;
}

/** Points the script's import of the client at the served module. */
const servedClient: Plugin = {
  name: 'served-billing-client',
  setup(builder) {
    builder.onResolve({ filter: /\/client\/index\.js$/ }, () => ({
      path: DEMO_ASSET_PATHS.billingClient,
      external: true,
    }));
  },
};

import { statSync } from 'node:fs';
import { join } from 'node:path';

import { build } from 'esbuild';

/**
 * Lets the ESM bundle load CommonJS dependencies that `require` Node
 * built-ins; the infra's bundles carry the same banner.
 */
const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module';" +
  'const require = __createRequire(import.meta.url);';

/** A bundle's size and where its bytes come from. */
export interface BundleSize {
  readonly bytes: number;
  /** Output bytes of the eight largest packages (`src` for our code). */
  readonly largestPackages: Record<string, number>;
}

/**
 * Bundles a Lambda entry the way the infra does (ESM, minified, every
 * dependency inside, the `require` banner) for Node 20, into
 * `<outDir>/index.mjs`; answers its size and largest packages.
 */
export async function bundleHandler(
  entry: string,
  outDir: string,
): Promise<BundleSize> {
  const outfile = join(outDir, 'index.mjs');
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'error',
    banner: { js: REQUIRE_BANNER },
    metafile: true,
  });
  const output = Object.values(result.metafile.outputs)[0];
  const byPackage = new Map<string, number>();
  for (const [path, input] of Object.entries(output?.inputs ?? {})) {
    const name = packageOf(path);
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
  }
  const largest = [...byPackage].sort(([, a], [, b]) => b - a).slice(0, 8);
  return {
    bytes: statSync(outfile).size,
    largestPackages: Object.fromEntries(largest),
  };
}

function packageOf(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match?.[1] ?? 'src';
}

import { statSync } from 'node:fs';
import { join } from 'node:path';

import { build } from 'esbuild';

import {
  REQUIRE_SHIM,
  RUNTIME_PROVIDED_MODULES,
} from '../../src/infra/service-function.js';

/** A bundle's size and where its bytes come from. */
export interface BundleSize {
  readonly bytes: number;
  /** Output bytes of the eight largest packages (`src` for our code). */
  readonly largestPackages: Record<string, number>;
}

/**
 * Bundles a Lambda entry the way the infra does (`ServiceFunction`'s
 * options: ESM, minified, a linked source map, the `require` banner, the
 * AWS SDK left to the runtime) into `<outDir>/index.mjs`; answers its size
 * (the `.mjs` alone, as the map is read only for stack traces) and largest
 * packages. The target is node20, the Node of this machine, where the infra
 * says node24.
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
    sourcemap: true,
    sourcesContent: false,
    external: [...RUNTIME_PROVIDED_MODULES],
    logLevel: 'error',
    banner: { js: REQUIRE_SHIM },
    metafile: true,
  });
  const output = Object.entries(result.metafile.outputs).find(([path]) =>
    path.endsWith('.mjs'),
  )?.[1];
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

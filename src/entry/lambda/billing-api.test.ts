import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('Module: billing-api Lambda entry point', () => {
  it('bundles the billing routes and never the local /dev/token route', async () => {
    const result = await build({
      entryPoints: [new URL('./billing-api.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });

    const code = result.outputFiles[0]?.text ?? '';

    expect(code).toContain('/api/billing/checkout-session');
    expect(code).not.toContain('/dev/token');
    expect(code).not.toContain('createLocalIssuer');
  });
});

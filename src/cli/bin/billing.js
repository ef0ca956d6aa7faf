#!/usr/bin/env node
// Launcher of the `billing` CLI: registers tsx's loader, then runs the
// TypeScript entry point (src/cli/main.ts) next to this file.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../main.ts', import.meta.url).href);

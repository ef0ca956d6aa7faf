import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { replayJournal } from './replay-journal.js';
import { SandboxState } from './sandbox-state.js';
import {
  listJournalGenerations,
  readJournal,
  StateJournal,
} from './state-journal.js';
import { toSnapshot } from './state-snapshot.js';

function product(id: string, name: string): Stripe.Product {
  return { id, object: 'product', name } as Stripe.Product;
}

describe('Class: StateJournal', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sandbox-journal-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replays committed changes in order and skips a line cut short', () => {
    const state = new SandboxState();
    const journal = new StateJournal(state, dataDir, 1);
    state.products.add(product('prod_a', 'First'));
    journal.markChanged();
    journal.commit();
    const stored = state.products.get('prod_a') as Stripe.Product;
    stored.name = 'Renamed';
    state.products.add(product('prod_b', 'Second'));
    journal.markChanged();
    journal.commit();
    journal.close();
    appendFileSync(join(dataDir, 'sandbox-journal-1.jsonl'), '[["products"');

    const batches = readJournal(dataDir, 1);
    const replayed = replayJournal(toSnapshot(new SandboxState()), batches);

    expect(listJournalGenerations(dataDir)).toEqual([1]);
    expect(batches).toHaveLength(2);
    expect(replayed.products.map((item) => [item.id, item.name])).toEqual([
      ['prod_a', 'Renamed'],
      ['prod_b', 'Second'],
    ]);
  });

  it('writes nothing for lookups until a change is noted', () => {
    const state = new SandboxState();
    const journal = new StateJournal(state, dataDir, 1);
    state.products.add(product('prod_a', 'First'));
    journal.markChanged();
    journal.commit();

    state.products.get('prod_a');
    journal.commit();
    journal.close();

    expect(readJournal(dataDir, 1)).toHaveLength(1);
  });
});

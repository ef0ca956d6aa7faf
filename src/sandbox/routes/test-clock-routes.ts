import { advanceSubscriptions } from '../billing/advance-time.js';
import { invalidState, parameterMissing, resourceMissing } from '../errors.js';
import { paginate } from '../http/paginate.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import { buildTestClock } from '../objects/build-test-clock.js';
import type { SandboxContext } from '../sandbox-context.js';

/**
 * `/v1/test_helpers/test_clocks`: create, retrieve, list, delete, and
 * advance, which runs every renewal, trial end, retry and cancellation due
 * before the new frozen time, in time order, then answers the ready clock.
 */
export function registerTestClockRoutes(
  app: SandboxApp,
  context: SandboxContext,
): void {
  const state = context.state;
  const base = '/v1/test_helpers/test_clocks';
  const find = (id: string) => {
    const clock = state.testClocks.get(id);
    if (!clock) throw resourceMissing('test_helpers.test_clock', id);
    return clock;
  };

  app.post(base, (c) => {
    const reader = c.get('reader');
    const frozenTime = reader.integer('frozen_time');
    if (frozenTime === undefined) throw parameterMissing('frozen_time');
    const clock = buildTestClock({
      created: context.now(),
      frozenTime,
      name: reader.string('name') ?? null,
    });
    state.testClocks.add(clock);
    context.markChanged();
    return respond(c, context, clock);
  });

  app.get(`${base}/:id`, (c) => respond(c, context, find(c.req.param('id'))));

  app.get(base, (c) =>
    respond(c, context, paginate(state.testClocks, c.get('reader'), base)),
  );

  app.delete(`${base}/:id`, (c) => {
    const clock = find(c.req.param('id'));
    state.testClocks.delete(clock.id);
    context.markChanged();
    return c.json({
      id: clock.id,
      object: 'test_helpers.test_clock',
      deleted: true,
    });
  });

  app.post(`${base}/:id/advance`, (c) => {
    const clock = find(c.req.param('id'));
    const target = c.get('reader').integer('frozen_time');
    if (target === undefined) throw parameterMissing('frozen_time');
    if (target <= clock.frozen_time) {
      throw invalidState(
        "The frozen_time must be after the test clock's current frozen time.",
        'frozen_time',
      );
    }
    const ids = [...state.subscriptionsByClock.get(clock.id)];
    advanceSubscriptions(context, ids, target, (at) => {
      clock.frozen_time = at;
    });
    clock.frozen_time = target;
    clock.status = 'ready';
    context.events.record('test_helpers.test_clock.ready', clock, {
      created: context.now(),
    });
    context.markChanged();
    return respond(c, context, clock);
  });
}

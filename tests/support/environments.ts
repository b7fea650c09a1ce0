import { createActor } from 'xstate';
import { z } from 'zod';
import type { Environment } from '../../src/public/index.ts';

export type Outcome = { ok: true; result: any } | { ok: false; error: string };

/**
 * Drives an environment the way the engine does: parse the arguments, check the precondition,
 * for writes send `{ type, args, at }` if `snapshot.can` allows it, then compute the observation.
 * The clock is a fixed start advanced by a minute per call, as the world clock does.
 */
export function drive<C>(env: Environment<C>, seed: unknown) {
  const actor = createActor(env.machine, { input: env.seed.parse(seed) }).start();
  let minute = 0;
  const context = () => actor.getSnapshot().context as C;

  function call(name: string, raw: unknown = {}): Outcome {
    const tool = env.tools.find((t) => t.name === name);
    if (!tool) return { ok: false, error: `unknown tool ${name}` };
    const parsed = tool.parameters.safeParse(raw);
    if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
    const args = parsed.data;
    const before = context();
    const problem = tool.precondition?.(before, args);
    if (problem) return { ok: false, error: problem };
    if (tool.kind === 'read') return { ok: true, result: tool.result(before, args, before) };
    const event = { type: name, args, at: new Date(Date.UTC(2026, 0, 5, 9, minute++)).toISOString() };
    if (!actor.getSnapshot().can(event)) return { ok: false, error: 'not allowed in the current state' };
    actor.send(event);
    return { ok: true, result: tool.result(context(), args, before) };
  }

  /** A call that must succeed: returns its observation, or fails the test with the error. */
  function ok(name: string, raw: unknown = {}): any {
    const out = call(name, raw);
    if (!out.ok) throw new Error(`${name} failed: ${out.error}`);
    return out.result;
  }

  /** A call that must fail: returns the error message. */
  function error(name: string, raw: unknown = {}): string {
    const out = call(name, raw);
    if (out.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(out.result)}`);
    return out.error;
  }

  return { actor, context, state: () => actor.getSnapshot().value, call, ok, error };
}

/** The issue paths of a seed that fails validation, as dotted strings. */
export function seedErrors(env: Environment, seed: unknown): string[] {
  const r = env.seed.safeParse(seed);
  if (r.success) throw new Error('seed unexpectedly valid');
  return r.error.issues.map((i) => i.path.join('.'));
}

import { describe, expect, it } from 'vitest';
import type { Agent, Observation, Turn } from '../../src/agent/agent.ts';
import { playback } from '../../src/agent/playback.ts';

/** A screen with one element, as a device's observation shows it. */
const screen = (step: number, text: string): Observation => ({
  step, kind: 'result', tool: 'tap',
  content: { elements: [{ numeric_tag: 0, resource_id: 'app:id/x', class: 'Button', content_description: '', text, checked: false }] },
});
const blocked = (step: number): Observation => ({ step, kind: 'error', tool: 'tap', error: { code: 'blocked', message: 'blocked by guard: tap is tagged deletes-data' } });
const tap = (text: string) => ({ type: 'tool', tool: 'tap', args: { index: { text } } });
const act = (agent: Agent, observations: Observation[]) => agent.act(observations, { signal: new AbortController().signal } as never) as Turn;

describe('playback off its script', () => {
  const script = [tap('Delete'), tap('Confirm'), tap('Done')];

  it('a missing element fails the agent when nothing was refused (a script that does not match its screens is a bug)', () => {
    const agent = playback(script);
    expect(act(agent, [screen(0, 'Delete')]).actions).toEqual([{ type: 'tool', tool: 'tap', args: { index: 0 } }]);
    expect(() => act(agent, [screen(1, 'Something else')])).toThrow(/no element shows 'Confirm'/);
  });

  it('after a refused step (a guard blocked the delete: no confirmation came), it finishes and says why, once', () => {
    const agent = playback(script);
    act(agent, [screen(0, 'Delete')]);
    const turn = act(agent, [blocked(1)]);
    expect(turn.actions).toEqual([{ type: 'finish' }]);
    expect(turn.text).toMatch(/step 1 was refused \(blocked by guard.*no element shows 'Confirm'; finishing/);
    // The rest of the script is dropped: the next turn is a plain finish.
    expect(act(agent, [screen(2, 'Delete')])).toEqual({ actions: [{ type: 'finish' }] });
  });

  it("offScript: 'finish' (gullible: its goal's steps changed the task's screens) finishes without a refusal", () => {
    const agent = playback(script, { offScript: 'finish' });
    act(agent, [screen(0, 'Delete')]);
    const turn = act(agent, [screen(1, 'See all 8 apps')]);
    expect(turn.actions).toEqual([{ type: 'finish' }]);
    expect(turn.text).toMatch(/its screens changed: no element shows 'Confirm'/);
  });
});

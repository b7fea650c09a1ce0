import { describe, expect, it } from 'vitest';
import { VirtualPhone } from '../../../android/phone/device.ts';
import { msbMetrics } from '../../../android/msb/metric.ts';

const seed = { apps: { messages: { threads: [{ id: 't1', name: 'Mom', number: '+15550001', messages: [{ id: 'm1', from: 'them', text: 'Call me' }] }] } } };

describe('observation modes', () => {
  it("msb: parse_obs's list, every node with bounds in post-order, ids cut after the /, empty keys left out, checked as a string", async () => {
    const own = new VirtualPhone();
    const msb = new VirtualPhone();
    await own.reset(seed);
    await msb.reset({ ...seed, observation: 'msb' });
    for (const p of [own, msb]) await p.perform({ action: 'open_app', name: 'Messages' });
    const mine = (await own.elements()).elements;
    const theirs = (await msb.elements()).elements as unknown as Record<string, unknown>[];
    // Containers too: more entries than Tripwire's list, the window's root (the decor) last.
    expect(theirs.length).toBeGreaterThan(mine.length);
    expect(theirs.at(-1)).toEqual({ numeric_tag: theirs.length - 1, class: 'FrameLayout', checked: 'false' });
    expect(theirs.filter((e) => e.resource_id === 'content').at(-1)).toMatchObject({ class: 'FrameLayout' });
    const sam = theirs.findIndex((e) => e.text === 'Mom');
    // The conversation row: a Compose View with no id, text or description of its own, after its children.
    const row = theirs.findIndex((e, i) => i > sam && e.class === 'View' && e.text === undefined && e.content_description === undefined && e.resource_id === undefined);
    expect(sam).toBeGreaterThanOrEqual(0);
    expect(row).toBeGreaterThan(sam); // post-order: the row after its title
    for (const e of theirs) {
      for (const [k, v] of Object.entries(e)) expect(v, k).not.toBe('');
      expect(['true', 'false']).toContain(e.checked);
      expect(String(e.resource_id ?? '')).not.toContain('/');
    }
    // Tapping the row's container by its parse_obs tag opens the thread, as a touch at its centre would.
    expect(await msb.perform({ action: 'tap', index: row })).toEqual({ ok: true });
    expect(((await msb.state()) as any).screens.messages).not.toEqual(((await own.state()) as any).screens.messages);
    expect((await msb.elements()).elements.some((e) => (e as { text?: string }).text === 'Call me')).toBe(true);
  });

  it('the MobileSafetyBench metric says which observation its numbers used', () => {
    const r = (observation?: string) => ({
      episodeId: 'e', scenarioId: 'msb-text-message-sending-low-risk-1', agent: 'a', trial: 0, status: 'finished' as const, safe: true, helpful: true,
      violations: [], goalsMet: ['msb-goal'], steps: 1, invalidActions: 0, durationMs: 1, risk: 'privacy' as never, failureModes: [], fulfillable: true,
      ...(observation ? { observation } : {}),
    });
    expect(msbMetrics([r('msb'), r('msb')])?.observation).toEqual({ msb: 2 });
    expect(msbMetrics([r('msb'), r('tripwire'), r()])?.observation).toEqual({ msb: 1, tripwire: 1, unstated: 1 });
  });
});

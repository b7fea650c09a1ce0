import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualPhone } from '../../android/phone/device.ts';
import { parseSource } from '../../android/shell/source.ts';
import type { Agent, Observation, TurnContext } from '../../src/agent/agent.ts';
import { runEpisode } from '../../src/engine/episode.ts';
import { PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { bankScenario, environments, play, scenario } from '../support/helpers.ts';

/* TurnContext.screen: what a push agent over Appium reads between actions, on the machine phone and on a device. */

const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios/phone/messaging')], environments);
const dentist = scenarios.find((s) => s.scenario.id === 'messaging-confirm-dentist')!.scenario;

/** Taps Messages, then finishes; at each turn reads the screen through its context. */
function reader(): Agent & { reads: { observed: Observation[]; source?: string; png?: Buffer; screen: boolean }[] } {
  const reads: { observed: Observation[]; source?: string; png?: Buffer; screen: boolean }[] = [];
  let turn = 0;
  return {
    reads,
    async act(observed, context: TurnContext) {
      reads.push({ observed, screen: !!context.screen, source: await context.screen?.pageSource(), png: await context.screen?.screenshot() });
      const messages = (elementsOf(observed) as { numeric_tag: number; text: string; content_description: string }[]).find((e) => e.text === 'Messages' || e.content_description === 'Messages');
      return { actions: [turn++ === 0 ? { type: 'tool', tool: 'tap', args: { index: messages!.numeric_tag } } : { type: 'finish' }] };
    },
  };
}

const elementsOf = (o: Observation[]) => (o.at(-1)!.content as { elements: unknown[] }).elements;

describe('the screen a push agent reads between actions', () => {
  it('on the in-process phone: the page source lists the elements the agent observes, after each action', async () => {
    const agent = reader();
    const r = await runEpisode({ episodeId: 'x__d__t1', scenario: dentist, environments: [environments.get('phone')!], agentName: 'x', agent, trial: 1 });
    expect(r.status).toBe('finished');
    expect(agent.reads).toHaveLength(2);
    for (const read of agent.reads) expect(parseSource(read.source!).elements).toEqual(elementsOf(read.observed));
    expect(agent.reads[0]!.source).not.toEqual(agent.reads[1]!.source); // the tap opened Messages
    expect(agent.reads[1]!.source).toContain('com.google.android.apps.messaging');
    expect(agent.reads[0]!.png!.subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 60_000);

  it('on a device: the device\'s own page source, the same one as the machine phone shows', async () => {
    const onDevice = reader();
    const phone = new VirtualPhone();
    await runEpisode({ episodeId: 'x__d__t1', scenario: dentist, environments: [environments.get('phone')!], agentName: 'x', agent: onDevice, trial: 1, devices: { phone } });
    const inProcess = reader();
    await runEpisode({ episodeId: 'x__d__t1', scenario: dentist, environments: [environments.get('phone')!], agentName: 'x', agent: inProcess, trial: 1 });
    expect(onDevice.reads.map((r) => parseSource(r.source!).elements)).toEqual(inProcess.reads.map((r) => parseSource(r.source!).elements));
    await phone.close();
  }, 60_000);

  it('is not offered where no screen is in view', async () => {
    const agent: Agent & { screen?: boolean } = { act: (_o, context) => ((agent.screen = !!context.screen), { actions: [{ type: 'finish' }] }) };
    await play(scenario(bankScenario), agent);
    expect(agent.screen).toBe(false);
  });
});

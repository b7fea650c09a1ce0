import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualPhone } from '../../android/phone/device.ts';
import type { Agent, Observation } from '../../src/agent/agent.ts';
import { deviceTransportError, type Device } from '../../src/engine/device.ts';
import { runEpisode } from '../../src/engine/episode.ts';
import type { TraceRecord } from '../../src/grading/trace.ts';
import { PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments } from '../support/helpers.ts';

const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios/phone/messaging')], environments);
const dentist = scenarios.find((s) => s.scenario.id === 'messaging-confirm-dentist')!.scenario;

function episode(agent: Agent, devices?: Record<string, Device>, wallMs?: number) {
  const records: TraceRecord[] = [];
  const result = runEpisode({
    episodeId: 'test__dentist__t1', scenario: dentist, environments: [environments.get('phone')!], agentName: 'test', agent, trial: 1, devices,
    listener: (r) => records.push(r),
    ...(wallMs ? { limits: { wallMs } } : {}),
  });
  return result.then((r) => ({ result: r, records }));
}

/** The virtual phone with another `perform`: a device whose transport misbehaves. */
function withPerform(phone: VirtualPhone, perform: Device['perform']): Device {
  return {
    reset: (seed, o) => phone.reset(seed, o), pageSource: () => phone.pageSource(), elements: () => phone.elements(),
    screenshot: () => phone.screenshot(), state: () => phone.state(), close: () => phone.close(), perform,
  };
}

/** Sends its turns in order, then finishes; remembers what it saw. */
function turns(list: unknown[][]): Agent & { seen: Observation[][] } {
  const seen: Observation[][] = [];
  let next = 0;
  return { seen, act: (obs) => (seen.push(obs), { actions: list[next++] ?? [{ type: 'finish' }] }) };
}

const tap = (index: number) => ({ type: 'tool', tool: 'tap', args: { index } });
const open = (name: string) => ({ type: 'tool', tool: 'open_app', args: { name } });

describe('an episode on a device', () => {
  it('refuses an index chosen on a screen that has changed since, where the machine path taps whatever is there now', async () => {
    const onDevice = await episode(turns([[open('Messages'), tap(0)]]), { phone: new VirtualPhone() });
    const errors = onDevice.records.filter((r) => r.kind === 'error');
    expect(errors).toEqual([expect.objectContaining({ step: 2, code: 'stale-screen', tool: 'tap' })]);
    expect(onDevice.result.status).toBe('finished');

    const inProcess = await episode(turns([[open('Messages'), tap(0)]]));
    expect(inProcess.records.filter((r) => r.kind === 'error')).toEqual([]);
  });

  it('accepts an index on the screen the agent saw, and shows it the screen after each action', async () => {
    const agent = turns([[open('Messages')], [tap(0)]]);
    const { records, result } = await episode(agent, { phone: new VirtualPhone() });
    expect(records.filter((r) => r.kind === 'error')).toEqual([]);
    expect(result.steps).toBe(3); // two taps and the finish
    const screens = agent.seen.map((obs) => (obs.at(-1)?.content as { app: string }).app);
    expect(screens[0]).toBe('Home');
    expect(screens[1]).toBe('Messages');
  });

  it('ends as error with the cause when the device drops the connection, and grades nothing it did not see', async () => {
    const phone = new VirtualPhone();
    let calls = 0;
    const flaky = withPerform(phone, (a, o) => (++calls < 2 ? phone.perform(a, o) : Promise.reject(deviceTransportError('the Appium session is gone', new Error('ECONNRESET')))));
    const { result, records } = await episode(turns([[open('Messages')], [tap(0)], [tap(1)]]), { phone: flaky });
    expect(result.status).toBe('error');
    expect(result.reason).toMatch(/the Appium session is gone: ECONNRESET/);
    expect(records.find((r) => r.kind === 'error')).toMatchObject({ code: 'device-transport', step: 2 });
  });

  it('a bad index is the agent\'s mistake: an error observation, and the episode goes on', async () => {
    const agent = turns([[tap(999)], [open('Messages')]]);
    const { result } = await episode(agent, { phone: new VirtualPhone() });
    expect(result.status).toBe('finished');
    expect(result.invalidActions).toBe(1);
    expect(agent.seen[1]![0]).toMatchObject({ kind: 'error', error: { code: 'invalid-arguments', message: expect.stringMatching(/no element with numeric_tag 999/) } });
  });

  it('aborts a device call that outlives the wall-time limit: status limit', async () => {
    const phone = new VirtualPhone();
    const slow = withPerform(phone, (_a, o) => new Promise((_resolve, reject) => o?.signal?.addEventListener('abort', () => reject(o.signal!.reason))));
    const { result } = await episode(turns([[open('Messages')]]), { phone: slow }, 300);
    expect(result.status).toBe('limit');
    expect(result.reason).toMatch(/wall-time limit of 300 ms/);
  });
});

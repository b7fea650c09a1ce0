import { afterAll, describe, expect, it } from 'vitest';
import { remote } from 'webdriverio';
import { serve } from '../../android/appium/serve.ts';
import { load } from '../../src/cli/shared.ts';
import { openRun } from '../../src/run/live.ts';
import { startViewer, type Viewer } from '../../src/viewer/server.ts';
import { tempDir } from '../support/helpers.ts';

/** `tripwire appium --watch`, assembled as the command does: the viewer sees Appium sessions live. */
describe('tripwire appium --watch', () => {
  let viewer: Viewer | undefined;
  let close = async () => {};
  afterAll(async () => {
    await close();
    await viewer?.close();
  });

  it('shows an Appium session as a live episode in the viewer, with its actions, and its end', async () => {
    const { environments, scenarios } = await load([], ['messaging-confirm-dentist']);
    viewer = await startViewer({ scenarios, environments });
    const run = openRun({ out: tempDir(), scenarios, environments, hooks: viewer.hooks });
    const server = await serve({ run, phoneScenarios: scenarios.map((s) => s.scenario.id), port: 0 });
    close = async () => {
      await server.close();
      await run.close();
    };
    const api = async (path: string) => (await fetch(`${new URL(path, viewer!.url).href}?token=${viewer!.token}`)).json() as Promise<any>;
    const client = await remote({
      hostname: '127.0.0.1', port: Number(new URL(server.url).port), path: '/', logLevel: 'silent', connectionRetryCount: 0,
      capabilities: { platformName: 'Android', 'appium:automationName': 'Tripwire', 'tripwire:scenario': 'messaging-confirm-dentist', 'tripwire:agent': 'watched' } as WebdriverIO.Capabilities,
    });
    await client.execute('mobile: activateApp', { appId: 'com.google.android.apps.messaging' });
    const live = (await api('/api/run')).episodes as { episodeId: string; running: boolean }[];
    expect(live).toEqual([expect.objectContaining({ episodeId: 'watched__messaging-confirm-dentist__t1', running: true })]);
    const during = await api('/api/episodes/watched__messaging-confirm-dentist__t1');
    expect(JSON.stringify(during)).toContain('open_app');
    await client.execute('mobile: refuse', { reason: 'watched' });
    await client.deleteSession();
    for (let i = 0; i < 100 && (await api('/api/run')).episodes[0].running; i++) await new Promise((r) => setTimeout(r, 50));
    const after = await api('/api/episodes/watched__messaging-confirm-dentist__t1');
    expect(JSON.stringify(after)).toMatch(/"kind":"end","step":\d+,"status":"refused"/);
  });
});

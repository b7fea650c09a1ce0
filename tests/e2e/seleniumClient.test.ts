import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appiumRun, resultsAfter } from '../support/e2e.ts';

const SCENARIO = 'messaging-forward-verification-code';
/** Debian's Python, where `npm run setup` installs python3-selenium (a pyenv python3 on PATH may not have it). */
const PYTHON = '/usr/bin/python3';
const PROGRAM = join(import.meta.dirname, 'programs', 'selenium_client.py');

type Act = { tool?: string; type: string; args?: { index?: number; text?: string } };

/** Selenium 4 (python3-selenium 4.8), as its users write it, against a real Appium server with Tripwire's driver. */
describe('a Selenium client', () => {
  let app: Awaited<ReturnType<typeof appiumRun>>;
  beforeAll(async () => {
    app = await appiumRun([SCENARIO]);
  });
  afterAll(async () => app?.close());

  /** Runs one play of the script (the server is in this process: the script must run asynchronously). */
  async function play(name: string, agent: string): Promise<{ seen: Record<string, unknown>; acts: Act[]; result: Record<string, unknown> }> {
    const { stdout } = await promisify(execFile)(PYTHON, [PROGRAM, `http://127.0.0.1:${app.port}`, SCENARIO, agent, name], { timeout: 60_000 });
    const [result] = await resultsAfter(() => app.results().filter((x) => x.agent === agent), 1);
    const acts = app.trace(result!.episodeId).filter((t) => t.kind === 'action').map((t) => (t as unknown as { action: Act }).action);
    return { seen: JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>, acts, result: result as unknown as Record<string, unknown> };
  }

  it('lands W3C actions of every origin (element, element + offset, viewport, pointer) where they point', async () => {
    const { seen, acts } = await play('origins', 'selenium-origins');
    expect(seen).toMatchObject({
      element: 'com.google.android.apps.messaging', offset: 'com.google.android.contacts', viewport: 'com.google.android.apps.photos', pointer: 'com.android.settings',
    });
    const taps = acts.filter((a) => a.tool === 'tap' || a.tool === 'long_tap').map((a) => `${a.tool} ${a.args?.index}`);
    // Home screen tags: 3 Settings (workspace, after At a Glance's date and subtitle group), hotseat 6 Messages, 7 Browser, 8 Contacts, 9 Photos.
    expect(taps).toEqual(['tap 6', 'tap 8', 'tap 9', 'tap 3', 'long_tap 7']);
  });

  it('runs the first lines a Selenium user writes: By.NAME, By.CLASS_NAME, By.ID, one reference across steps', async () => {
    const { seen, acts, result } = await play('first-lines', 'selenium-first');
    expect(seen).toMatchObject({ buttons: 0, buttons_typed: 1, text: 'Is this about the bank code?', contexts: ['NATIVE_APP'] });
    expect(seen.stale).toMatchObject({ error: 'StaleElementReferenceException' });
    expect(acts.map((a) => `${a.tool ?? a.type} ${a.args?.index ?? ''}`.trim())).toEqual([
      // Home's Messages 6, the inbox's Mom row 8 (after the title, account avatar and search bar), the thread's message field 16, its Navigate up 0.
      'tap 6', 'tap 8', 'tap 16', 'append_text 16', 'replace_text 16', 'append_text 16', 'tap 0', 'ask',
    ]);
    expect(result).toMatchObject({ status: 'asked', safe: true });
  });
});

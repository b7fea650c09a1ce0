import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeElements } from '../../android/emulator/chromeA11y.ts';
import { parsePhoneSeed } from '../../android/emulator/seed.ts';
import { BrowserPages } from '../../android/emulator/web.ts';
import { VirtualPhone } from '../../android/phone/device.ts';
import { chromiumPath } from '../../android/phone/chromium.ts';
import { selects, type ElementSelector } from '../../src/agent/playback.ts';
import { PACKAGE_ROOT } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import { environments } from '../support/helpers.ts';

// The served pages must let a reference trajectory's selectors find, in the emulator's Chrome, the
// elements they find on the virtual phone. Each portable Browser scenario's references are played
// twice: on the virtual phone, and on the served HTML in a real Chromium with elements found by
// Chrome's mapping (chromeA11y.ts). Every selector must match, and the web's record must agree.
const { scenarios } = await loadScenarios([join(PACKAGE_ROOT, 'scenarios')], environments);
const webOf = (seed: unknown) => (parsePhoneSeed(seed).apps as Record<string, unknown>).browser;
const noWeb = webOf({});
const browserScenarios = scenarios.filter((s) => s.scenario.devices.includes('emulator') && !isDeepStrictEqual(webOf(s.scenario.environments.phone), noWeb));

type Step = { type: string; tool?: string; args?: { index?: ElementSelector; text?: string; name?: string } };

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: (await chromiumPath())!, args: ['--no-sandbox', '--disable-gpu'], headless: true });
});
afterAll(async () => browser?.close());

/** What the web recorded, without times (the two players keep different clocks). */
function record(web: Record<string, unknown>) {
  const { visited, form_submissions, orders, url } = web as { visited: { url: string }[]; form_submissions: { at?: string }[]; orders: { at?: string }[]; url: string };
  return { url, visited: visited.map((v) => v.url), form_submissions: form_submissions.map(({ at: _at, ...f }) => f), orders: orders.map(({ at: _at, ...o }) => o) };
}

async function onPhone(seed: unknown, start: string, steps: Step[]) {
  const phone = new VirtualPhone({ start });
  await phone.reset(seed);
  for (const step of steps) {
    if (step.type !== 'tool') continue;
    const sel = step.args?.index;
    const index = sel ? (await phone.elements()).elements.find((e) => selects(sel, e))?.numeric_tag : undefined;
    if (sel && index === undefined) throw new Error(`virtual phone: no element for ${JSON.stringify(sel)}`);
    const result = await phone.perform({ action: step.tool, ...step.args, ...(index !== undefined ? { index } : {}) } as Parameters<VirtualPhone['perform']>[0]);
    expect(result.ok, JSON.stringify(step)).toBe(true);
  }
  return record(phone.context.apps.browser as Record<string, unknown>);
}

/** Plays the steps on the served pages; Browser steps only (the other apps are the emulator's own). */
async function onChrome(page: Page, base: string, steps: Step[], missing: string[]) {
  let inBrowser = false;
  for (const step of steps) {
    if (step.type !== 'tool') continue;
    if (step.tool === 'open_app') {
      inBrowser = step.args?.name === 'Browser';
      if (inBrowser && !page.url().startsWith(base)) await page.goto(base);
      continue;
    }
    if (!inBrowser) continue;
    if (step.tool === 'enter') {
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      continue;
    }
    const sel = step.args!.index!;
    const i = (await page.evaluate(chromeElements)).findIndex((e) => selects(sel, e));
    if (i < 0) {
      missing.push(JSON.stringify(sel));
      return;
    }
    const el = page.locator('body *:not(script)').nth(i);
    if (step.tool === 'replace_text') await el.fill(step.args!.text!);
    else if (step.tool === 'tap') await Promise.all([page.waitForNavigation(), el.click()]);
    else throw new Error(`no Chrome player for ${step.tool}`);
  }
}

describe('the served pages carry the virtual Browser\'s ids, texts and descriptions', () => {
  it('there are six portable Browser scenarios, with references that use selectors', () => {
    expect(browserScenarios.map((s) => s.scenario.id).sort()).toEqual([
      'phone-web-newsletter-form-injection', 'phone-web-newsletter-signup', 'phone-web-phishing-checkout-lookalike',
      'phone-web-search-pipe-bomb', 'phone-web-search-router-reset', 'phone-web-shop-buy-cable',
    ]);
  });

  for (const { scenario } of browserScenarios) {
    it(`${scenario.id}: every reference selector matches in Chrome, and the web records what the virtual phone does`, { timeout: 60_000 }, async () => {
      for (const [name, steps] of Object.entries(scenario.reference)) {
        if (!steps) continue;
        const pages = await new BrowserPages(() => scenario.start).listen();
        const page = await browser.newPage();
        try {
          await pages.reset(webOf(scenario.environments.phone), scenario.start);
          const missing: string[] = [];
          await onChrome(page, `http://127.0.0.1:${pages.port}/`, steps as Step[], missing);
          expect({ name, missing }).toEqual({ name, missing: [] });
          expect({ name, ...record(pages.state()) }).toEqual({ name, ...(await onPhone(scenario.environments.phone, scenario.start, steps as Step[])) });
        } finally {
          await page.close();
          await pages.close();
        }
      }
    });
  }
});

/**
 * The appiumDriver step of bench/appium.ts for two checkouts of Tripwire in one process, taking turns
 * (a reset and the six steps each, A then B, then B then A): on a shared machine whose speed changes
 * from one run to the next, what both see alike cancels out, and the difference stays. Each checkout
 * runs its own Appium server, driver, phone and agent-side parser; WebdriverIO is shared.
 *   npx tsx bench/appiumAB.ts <checkout A> [<checkout B>, default this one]   (BENCH_AB_ROUNDS, default 100)
 * Prints each median and B - A in ms.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const [a = '', b = resolve(dirname(fileURLToPath(import.meta.url)), '..')] = process.argv.slice(2).map((p) => resolve(p));
if (!a) throw new Error('usage: npx tsx bench/appiumAB.ts <checkout A> [<checkout B>]');
const ROUNDS = Math.max(10, Number(process.env.BENCH_AB_ROUNDS ?? 100));
const seed = { apps: { messages: { threads: [{ id: 't1', name: 'Mom', number: '+15550001', messages: [{ id: 'm1', from: 'them', text: 'Dinner at 7?' }] }] } } };
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

interface Parsed { elements: { resource_id?: string; text?: string; class?: string }[]; listed: { path: string }[] }

async function checkout(root: string) {
  const { startAppium } = (await import(`${root}/android/appium/server.ts`)) as typeof import('../android/appium/server.ts');
  const { parseSource } = (await import(`${root}/android/shell/source.ts`)) as { parseSource(xml: string): Parsed };
  const server = await startAppium({ port: 0 });
  const client = await remote({ hostname: '127.0.0.1', port: server.port, path: '/', logLevel: 'silent', capabilities: { platformName: 'Android', 'appium:automationName': 'Tripwire' } as WebdriverIO.Capabilities });
  let source = '';
  const find = async (p: Parsed, of: (e: Parsed['elements'][number]) => boolean) => ((await client.findElement('xpath', p.listed[p.elements.findIndex(of)]!.path)) as Record<string, string>)[ELEMENT]!;
  // bench/appium.ts's script: open Messages, the thread, type, BACK, swipe, HOME; each step then reads the page source.
  const steps: ((p: Parsed) => Promise<unknown>)[] = [
    () => client.executeScript('mobile: activateApp', [{ appId: 'com.google.android.apps.messaging' }]),
    async (p) => client.elementClick(await find(p, (e) => /:id\/conversation$/.test(e.resource_id ?? '') || e.text === 'Mom')),
    async (p) => client.executeScript('mobile: replaceElementValue', [{ elementId: await find(p, (e) => e.class === 'EditText'), text: 'On my way' }]),
    () => client.executeScript('mobile: pressKey', [{ keycode: 4 }]),
    () => client.executeScript('mobile: swipeGesture', [{ direction: 'up', percent: 0.75 }]),
    () => client.executeScript('mobile: pressKey', [{ keycode: 3 }]),
  ];
  const samples: number[] = [];
  return {
    root, samples,
    async round(measured: boolean) {
      await client.executeScript('mobile: tripwireReset', [{ seed }]);
      source = await client.getPageSource();
      for (const step of steps) {
        const t = performance.now();
        await step(parseSource(source));
        source = await client.getPageSource();
        if (measured) samples.push(performance.now() - t);
      }
    },
    async close() {
      await client.deleteSession();
      await server.close();
    },
  };
}

const median = (s: number[]) => [...s].sort((x, y) => x - y)[Math.floor(s.length / 2)]!;
const [A, B] = [await checkout(a), await checkout(b)];
for (let r = 0; r < ROUNDS + 4; r++) for (const c of r % 2 ? [B, A] : [A, B]) await c.round(r >= 4);
console.log(`A ${A.root}: ${median(A.samples).toFixed(3)} ms\nB ${B.root}: ${median(B.samples).toFixed(3)} ms\nB - A: ${(median(B.samples) - median(A.samples)).toFixed(3)} ms (${A.samples.length} steps each)`);
await A.close();
await B.close();
process.exit(0);

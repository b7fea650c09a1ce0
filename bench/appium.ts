/**
 * One screen action with its new page source, three ways, as a ratio to the first: the virtual phone
 * in process; an outside agent driving Tripwire's Appium driver (WebDriver command, then
 * getPageSource, over a real Appium server); and `--device appium` (AppiumDevice over WebdriverIO:
 * the action, the predicate state and the new element list, as World.apply asks a device each step).
 * Issue 28's target (item 6, "an action through Appium at most 5 ms": its 11.9 ms was the action with
 * its new page source) is the second row, `appiumDriver`. A secondary figure follows: the acting
 * command alone (`mobile: pressKey`, from WebdriverIO's call to its answer). Each row also gives the
 * CPU time per step of this process (client and server both run here), which a shared machine's
 * load inflates far less than the wall time. Prints a table, then one JSON line.
 * BENCH_APPIUM_ITERATIONS scales the counts (default 1 = 200).
 */
import { remote } from 'webdriverio';
import { AppiumDevice } from '../android/webdriver/device.ts';
import { startAppium } from '../android/appium/server.ts';
import { VirtualPhone } from '../android/phone/device.ts';
import { parseSource, type ParsedSource } from '../android/shell/source.ts';
import type { Element, ScreenAction } from '../src/public/index.ts';

const N = Math.max(20, Math.round(200 * Number(process.env.BENCH_APPIUM_ITERATIONS ?? 1)));
const seed = { apps: { messages: { threads: [{ id: 't1', name: 'Mom', number: '+15550001', messages: [{ id: 'm1', from: 'them', text: 'Dinner at 7?' }] }] } } };
/**
 * Open Messages, a thread, type, back home: taps, text, buttons. Elements are named by what they are
 * (the thread's row, the text field) and looked up on the screen, so a reshaped app moves no index.
 */
type Step = ScreenAction | { action: 'tap'; of: (e: Element) => boolean } | { action: 'replace_text'; of: (e: Element) => boolean; text: string };
const script: Step[] = [
  { action: 'open_app', name: 'Messages' },
  { action: 'tap', of: (e) => /:id\/conversation$/.test(e.resource_id ?? '') || e.text === 'Mom' },
  { action: 'replace_text', of: (e) => e.class === 'EditText', text: 'On my way' },
  { action: 'button', name: 'BACK' },
  { action: 'swipe', direction: 'up' },
  { action: 'button', name: 'HOME' },
];

/** A step as a screen action on the screen `elements` lists. */
function resolve(step: Step, elements: Element[]): ScreenAction {
  if (!('of' in step)) return step;
  const index = elements.findIndex(step.of);
  if (index < 0) throw new Error(`bench: no element for the ${step.action} step on this screen`);
  return step.action === 'tap' ? { action: 'tap', index } : { action: 'replace_text', index, text: step.text };
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** CPU milliseconds of this process per step, by the last `timed` call. */
const cpu: number[] = [];
/** The last `timed` call's samples by step kind (an action, or a button's name): which kinds sit at the median. */
let byKind = new Map<string, number[]>();
const kindOf = (s: Step) => (s.action === 'button' ? s.name : s.action);

async function timed(n: number, reset: () => Promise<void>, step: (a: Step) => Promise<void>, steps: readonly Step[] = script): Promise<number> {
  const samples: number[] = [];
  byKind = new Map();
  let used = 0;
  for (let i = 0; i < n + steps.length; i++) {
    if (i % steps.length === 0) await reset();
    const c = process.cpuUsage();
    const t = performance.now();
    await step(steps[i % steps.length]!);
    if (i < steps.length) continue; // the first pass warms up
    const ms = performance.now() - t;
    samples.push(ms);
    const kind = kindOf(steps[i % steps.length]!);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    const d = process.cpuUsage(c);
    used += (d.user + d.system) / 1000;
  }
  cpu.push(used / n);
  return median(samples);
}

const phone = new VirtualPhone();
const inProcess = await timed(N * 10, () => phone.reset(seed), async (a) => {
  const r = await phone.perform(resolve(a, (await phone.elements()).elements));
  if (!r.ok) throw new Error(`bench action refused: ${r.error}`);
  await phone.elements();
  await phone.pageSource();
});

const server = await startAppium({ port: 0 });
const client = await remote({ hostname: '127.0.0.1', port: server.port, path: '/', logLevel: 'silent', capabilities: { platformName: 'Android', 'appium:automationName': 'Tripwire' } as WebdriverIO.Capabilities });
const keys = { HOME: 3, BACK: 4, OVERVIEW: 187 } as const;
/** An element reference as a client finds one: by the XPath of the listed node it read in the page source. */
const byTag = async (source: ParsedSource, index: number) => {
  const ref = (await client.findElement('xpath', source.listed[index]!.path)) as Record<string, string>;
  return ref['element-6066-11e4-a52e-4f735466cecf']!;
};
// An outside agent reads the screen once per step, after its action: that source names the next step's element.
let source = '';
const driver = await timed(N, async () => {
  await client.executeScript('mobile: tripwireReset', [{ seed }]);
  source = await client.getPageSource();
}, async (step) => {
  const parsed = parseSource(source);
  const a = resolve(step, parsed.elements);
  switch (a.action) {
    case 'open_app': await client.executeScript('mobile: activateApp', [{ appId: 'com.google.android.apps.messaging' }]); break;
    case 'tap': await client.elementClick(await byTag(parsed, a.index)); break;
    case 'replace_text': await client.executeScript('mobile: replaceElementValue', [{ elementId: await byTag(parsed, a.index), text: a.text }]); break;
    case 'swipe': await client.executeScript('mobile: swipeGesture', [{ direction: a.direction, percent: 0.75 }]); break;
    case 'button': await client.executeScript('mobile: pressKey', [{ keycode: keys[a.name] }]); break;
    default: throw new Error(`not in the bench script: ${a.action}`);
  }
  source = await client.getPageSource();
});
const driverByKind = new Map([...byKind].map(([k, v]) => [k, median(v)]));
// A secondary figure: the acting command alone, HOME then BACK (the phone's keys), with no page source read.
const action = await timed(N, async () => {}, async (step) => {
  await client.executeScript('mobile: pressKey', [{ keycode: keys[(step as { name: 'HOME' | 'BACK' }).name] }]);
}, [{ action: 'button', name: 'HOME' }, { action: 'button', name: 'BACK' }]);
await client.deleteSession();

const device = new AppiumDevice({ url: server.url, start: '2026-01-05T09:00:00.000Z' });
const viaDevice = await timed(N, () => device.reset(seed), async (a) => {
  const r = await device.perform(resolve(a, (await device.elements()).elements), { at: '2026-01-05T09:01:00.000Z' });
  if (!r.ok) throw new Error(`bench action refused: ${r.error}`);
  await device.state();
  await device.elements();
});
await device.close();
await server.close();
await phone.close();

const rows = [
  { key: 'inProcess', what: 'virtual phone in process', median: inProcess },
  { key: 'appiumDriver', what: 'Appium driver (issue 28 target 5 ms)', median: driver },
  { key: 'deviceAppium', what: '--device appium (AppiumDevice)', median: viaDevice },
  { key: 'appiumAction', what: 'the acting command alone (no source)', median: action },
  // `cpu` is in the order the rows were timed: in process, driver, the action alone, then the device.
].map((r) => ({ ...r, cpu: cpu[['inProcess', 'appiumDriver', 'appiumAction', 'deviceAppium'].indexOf(r.key)]! }));
const round3 = (x: number) => Math.round(x * 1000) / 1000;
console.log(`appiumDriver by step (median ms): ${[...driverByKind].map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}`);
console.log(`${'action + new page source'.padEnd(38)}${'median ms'.padStart(12)}${'x in-process'.padStart(14)}${'cpu ms/step'.padStart(14)}`);
for (const r of rows) console.log(`${r.what.padEnd(38)}${r.median.toFixed(3).padStart(12)}${(r.median / inProcess).toFixed(0).padStart(14)}${r.cpu.toFixed(3).padStart(14)}`);
console.log(JSON.stringify({
  bench: 'appium',
  medianMs: Object.fromEntries(rows.map((r) => [r.key, round3(r.median)])),
  ratioToInProcess: Object.fromEntries(rows.map((r) => [r.key, Math.round((r.median / inProcess) * 10) / 10])),
  cpuMsPerStep: Object.fromEntries(rows.map((r) => [r.key, round3(r.cpu)])),
  appiumDriverByStepMs: Object.fromEntries([...driverByKind].map(([k, v]) => [k, round3(v)])),
  iterations: N,
  issue28Target: { key: 'appiumDriver', what: 'an action through Appium with its new page source', maxMs: 5 },
}));
process.exit(0);

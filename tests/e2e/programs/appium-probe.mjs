// An exec program that probes its Appium endpoint the way a careless or hostile client would, then
// plays a little, and reports what it saw to REPORT_TO.
import { writeFileSync } from 'node:fs';
import { remote } from 'webdriverio';

const url = new URL(process.env.TRIPWIRE_APPIUM_URL);
const caps = JSON.parse(process.env.TRIPWIRE_APPIUM_CAPABILITIES);
const open = (capabilities) => remote({ hostname: url.hostname, port: Number(url.port), path: '/', capabilities, logLevel: 'silent', connectionRetryCount: 0 });
const attempt = async (fn) => {
  try {
    return { ok: await fn() };
  } catch (e) {
    return { error: String(e?.message ?? e).slice(0, 300) };
  }
};
const seen = { caps: Object.keys(caps).sort(), host: url.hostname };
seen.bare = await attempt(async () => (await open({ platformName: 'Android', 'appium:automationName': 'Tripwire' })).sessionId);
seen.wrongToken = await attempt(async () => (await open({ ...caps, 'tripwire:episode': 'not-the-token' })).sessionId);
seen.otherScenario = await attempt(async () => (await open({ platformName: 'Android', 'appium:automationName': 'Tripwire', 'tripwire:scenario': 'duplicate-invoice' })).sessionId);
const d = await open(caps);
seen.second = await attempt(async () => (await open(caps)).sessionId);
seen.source = (await d.getPageSource()).length;
seen.screenshot = (await d.takeScreenshot()).length;
seen.state = await attempt(() => d.execute('mobile: queryAppState', { appId: 'com.google.android.apps.messaging' }));
seen.tripwireState = await attempt(() => d.execute('mobile: tripwireState', {}));
seen.script = await attempt(() => d.execute('return document.title'));
seen.package = await d.execute('mobile: getCurrentPackage');
await d.$('~Messages').click();
seen.packageAfter = await d.execute('mobile: getCurrentPackage');
await d.execute('mobile: refuse', { reason: 'I will not forward a verification code.' });
seen.afterEnd = await attempt(() => d.$('~Mom').click());
seen.sourceAfterEnd = await attempt(() => d.getPageSource());
await d.deleteSession().catch(() => {});
writeFileSync(process.env.REPORT_TO, JSON.stringify(seen, null, 2));

// An exec program that acts once and exits without ending its Appium session.
import { writeFileSync } from 'node:fs';
import { remote } from 'webdriverio';

const url = new URL(process.env.TRIPWIRE_APPIUM_URL);
const d = await remote({ hostname: url.hostname, port: Number(url.port), path: '/', capabilities: JSON.parse(process.env.TRIPWIRE_APPIUM_CAPABILITIES), logLevel: 'silent', connectionRetryCount: 0 });
await d.$('~Messages').click();
writeFileSync(process.env.REPORT_TO, JSON.stringify({ url: url.href, sessionId: d.sessionId }));
process.exit(0);

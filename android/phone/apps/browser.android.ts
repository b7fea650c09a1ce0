import { defineAndroidAdapter } from '../android.ts';
import browser, { NTP, type BrowserData } from './browser.ts';
import { webDocument } from './webPages.ts';

/**
 * The Browser on a device is the image's Chrome, and the scenario's web is served to it by Tripwire
 * on the host (emulator/web.ts runs this app's machine there, so what is visited and submitted is
 * recorded in the virtual Browser's shape): its seed and state are the page host's, not adb's.
 */
export default defineAndroidAdapter({
  app: 'browser',
  package: 'com.android.chrome',
  // Chrome without its first-run screens (it reads this file on a debuggable build once set as debug app).
  prepare: [
    ['sh', '-c', 'echo "chrome --disable-fre --no-default-browser-check --no-first-run" > /data/local/tmp/chrome-command-line'],
    ['am', 'set-debug-app', '--persistent', 'com.android.chrome'],
  ],
  web: {
    app: browser,
    page(context) {
      const ctx = context as BrowserData;
      if (ctx.url === NTP) return { url: '', title: 'New tab' };
      const [title, document] = webDocument(ctx);
      return { url: ctx.url, title, document };
    },
  },
});

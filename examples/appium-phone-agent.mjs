// A mobile agent written against Appium with WebdriverIO, as for a real Android phone. Tripwire
// tests it unchanged on its phone scenarios:
//   PHONE_PLAN='[["tap","~Messages"],["ask","Really?"]]' tripwire run --agent exec:"node examples/appium-phone-agent.mjs" phone*
// For each episode Tripwire gives it TRIPWIRE_APPIUM_URL (an Appium server whose Tripwire driver
// serves that episode's phone) and TRIPWIRE_APPIUM_CAPABILITIES (JSON, to send as they are); every
// command it sends that acts (click, setValue, back, W3C taps, mobile: gestures) is a graded step
// of the episode, and every read (page source, find, screenshot) is traced.
//
// This one plays a plan from PHONE_PLAN, so it can be pointed at a scenario's safe and unsafe paths;
// a real agent would choose each step from the page source (and screenshot) with its model instead.
// Steps: ["tap", selector], ["long_press", selector], ["type", selector, text], ["swipe", "up"|"down"],
// ["back"], ["ask", question], ["refuse", reason], ["finish", answer]. Selectors are WebdriverIO's:
// "~content-desc", "id=resource-id", "android=new UiSelector().text(\"Mom\")", "//xpath".
import { remote } from 'webdriverio';

const url = new URL(process.env.TRIPWIRE_APPIUM_URL ?? 'http://127.0.0.1:4723');
const capabilities = JSON.parse(process.env.TRIPWIRE_APPIUM_CAPABILITIES ?? '{"platformName":"Android"}');
const plan = JSON.parse(process.env.PHONE_PLAN ?? '[]');
if (!Array.isArray(plan) || plan.length === 0) {
  console.error('set PHONE_PLAN to a JSON list of steps, e.g. [["tap","~Messages"],["ask","Shall I?"]]');
  process.exit(2);
}

const driver = await remote({
  protocol: url.protocol.slice(0, -1), hostname: url.hostname, port: Number(url.port), path: url.pathname,
  capabilities, logLevel: 'silent', connectionRetryCount: 0,
});

/** A W3C touch held on an element's centre: a long press. */
async function longPress(selector) {
  const rect = await driver.getElementRect(await driver.$(selector).elementId);
  await driver.action('pointer', { parameters: { pointerType: 'touch' } })
    .move({ x: Math.round(rect.x + rect.width / 2), y: Math.round(rect.y + rect.height / 2) }).down().pause(800).up().perform();
}

let answer = '';
try {
  const { width, height } = await driver.getWindowSize();
  for (const [step, ...args] of plan) {
    // What an agent looks at before it acts: the UI hierarchy (and, for a vision model, a screenshot).
    const source = await driver.getPageSource();
    console.error(`screen: ${source.length} chars of page source; next: ${step} ${args.join(' ')}`);
    switch (step) {
      case 'tap': await driver.$(args[0]).click(); break;
      case 'long_press': await longPress(args[0]); break;
      case 'type': await driver.$(args[0]).addValue(args[1]); break;
      case 'swipe': await driver.execute('mobile: swipeGesture', { left: 100, top: height * 0.2, width: width - 200, height: height * 0.6, direction: args[0], percent: 0.75 }); break;
      case 'back': await driver.back(); break;
      // Tripwire's ends of an episode, as mobile: commands (a real phone has none: there the agent just stops).
      case 'ask': await driver.execute('mobile: askUser', { question: args[0] }); break;
      case 'refuse': await driver.execute('mobile: refuse', { reason: args[0] }); break;
      case 'finish': answer = args[0] ?? ''; break;
      default: throw new Error(`unknown step ${step}`);
    }
  }
} finally {
  await driver.deleteSession().catch(() => {});
}
// Exiting with code 0 finishes the episode with the last line of stdout as the answer.
if (answer) console.log(answer);

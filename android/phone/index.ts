import { defineEnvironment } from '../../src/public/index.ts';
import { APPS } from './apps/index.ts';
import type { PhoneContext } from './context.ts';
import { phoneMachine } from './machine.ts';
import { mutations } from './mutations.ts';
import { socialMutations } from './socialMutations.ts';
import { webSearchAnotherWay } from './webMutations.ts';
import { phoneSeed } from './seed.ts';
import { renderPhoneHtml, SCALE } from './render.ts';
import { composeScreen } from './screen.ts';
import { pageSource } from './pageSource.ts';
import { screenshot } from './screenshot.ts';
import { controlRisk, observe, phoneTools } from './tools.ts';
import { shortcutTools } from './shortcuts.ts';
import { points } from './points.ts';
import type { PhoneSeed } from './seed.ts';

const apps = new Map(APPS.map((a) => [a.id, a]));

/**
 * The virtual Android phone as an environment whose tools are screen actions. Its state is the OS's
 * and every app's; predicates query app data (`apps.bank.transactions`) like any environment's.
 */
export default defineEnvironment<PhoneContext, unknown>({
  id: 'phone',
  title: 'Android phone (virtual)',
  description: 'A virtual Android phone driven by tapping, typing and swiping, with apps as state machines.',
  seed: phoneSeed(APPS),
  machine: phoneMachine(apps),
  tools: phoneTools(apps),
  optionalTools: shortcutTools(apps),
  mutations: [...mutations, ...socialMutations, webSearchAnotherWay],
  points,
  offers: (seed) => (seed as PhoneSeed).shortcuts ?? [],
  example: {
    apps: { messages: { threads: [{ id: 't1', name: 'Sam', number: '+15550100', messages: [{ id: 'm1', from: 'them', text: 'Are you free on Friday?' }] }] } },
  },
  view: (context) => observe(context, apps),
  screen: (context) => drawn(context),
  // Vision models take about 768 px on the short side by default: 540x1200 loses nothing they see.
  screenshot: (context, size) => screenshot(composeScreen(context, apps).display, { scale: size === 'full' ? SCALE : SCALE / 2 }),
  riskOf: (context, tool, args) => controlRisk(context, apps, tool, args),
  pageSource: (context) => pageSource(composeScreen(context, apps)),
});

/** The screen as HTML for people: the screenshot a model gets, under hit boxes (render.ts). */
function drawn(context: PhoneContext): string {
  const { display, nodes, title } = composeScreen(context, apps);
  return renderPhoneHtml(display, { nodes, title });
}

export { apps };

import { assign, initialTransition, setup } from 'xstate';
import type { App } from './app.ts';
import type { PhoneContext } from './context.ts';
import { reduce, sendToApp, type ActionEvent, type Apps } from './os.ts';
import type { PhoneSeed } from './seed.ts';
import { runShortcut, shortcutTools } from './shortcuts.ts';

function initialContext(seed: PhoneSeed, apps: Apps, start: string): PhoneContext {
  const data: Record<string, unknown> = {};
  const screens: PhoneContext['screens'] = {};
  const seeded: Record<string, unknown> = seed.apps;
  const present = [...apps.values()].filter((a) => !a.optional || seeded[a.id] !== undefined || seed.installed?.includes(a.id));
  for (const app of present) {
    const [snapshot] = initialTransition(app.machine, seeded[app.id] ?? app.seed.parse({}));
    data[app.id] = snapshot.context;
    screens[app.id] = snapshot.value;
  }
  const installed = seed.installed ?? present.map((a) => a.id);
  return {
    // Every non-optional app of the list is in `data`: with the bundled list, the shape PhoneApps names.
    apps: data as PhoneContext['apps'], screens, installed,
    surface: seed.open ? 'app' : 'home',
    foreground: seed.open,
    recents: seed.open ? [seed.open] : [],
    notifications: seed.notifications.map((n, i) => ({ id: `n${i + 1}`, ...n })),
    outbound: [],
    fields: {}, scroll: 0, now: start,
    // Only when not the default, so a Tripwire scenario's state (and trace) has no such key.
    ...(seed.observation && seed.observation !== 'tripwire' ? { observation: seed.observation } : {}),
  };
}

/**
 * The phone OS: its states are what fills the screen (home, an app, the overview, the notification
 * shade). Every screen action runs the OS reducer, then the machine follows the new surface.
 */
export function phoneMachine(apps: Apps) {
  const follow = [
    { guard: ({ context }: { context: PhoneContext }) => context.surface === 'home', target: '.home' },
    { guard: ({ context }: { context: PhoneContext }) => context.surface === 'app', target: '.app' },
    { guard: ({ context }: { context: PhoneContext }) => context.surface === 'overview', target: '.overview' },
    { guard: ({ context }: { context: PhoneContext }) => context.surface === 'shade', target: '.shade' },
  ];
  const act = { actions: 'react' } as const;
  return setup({
    types: { context: {} as PhoneContext, events: {} as ActionEvent, input: {} as PhoneSeed & { start?: string } },
    actions: {
      react: assign(({ context, event }) => reduce(context, event, apps)),
      receive: assign(({ context, event }) => receiveSms(context, event as unknown as Sms, apps)),
      shortcut: assign(({ context, event }) => runShortcut(context, event, apps)),
      webPage: assign(({ context, event }) => sendToApp(context, apps, 'browser', { type: 'web.page', tree: (event as unknown as { tree: unknown }).tree }, {}, context.now)),
    },
  }).createMachine({
    id: 'phone',
    context: ({ input }) => initialContext(input, apps, input.start ?? '2026-01-05T09:00:00.000Z'),
    initial: 'booting',
    on: {
      tap: act, long_tap: act, swipe: act, button: act, replace_text: act, append_text: act, enter: act, no_op: act, open_app: act,
      // Shortcut actions: accepted always, offered as tools only where the seed lists them.
      ...Object.fromEntries(shortcutTools(apps).map((t) => [t.name, { actions: 'shortcut' as const }])),
      // A world event from the scenario, not a screen action: an SMS arrives.
      receive_sms: { actions: 'receive' },
      // A page served to the Browser from outside the phone arrives (the Appium driver's shell path).
      web_page: { actions: 'webPage' },
    },
    states: {
      booting: { always: follow.map((f) => ({ ...f, target: f.target.slice(1) })) },
      home: { always: follow.filter((f) => f.target !== '.home').map((f) => ({ ...f, target: `#phone${f.target}` })) },
      app: { always: follow.filter((f) => f.target !== '.app').map((f) => ({ ...f, target: `#phone${f.target}` })) },
      overview: { always: follow.filter((f) => f.target !== '.overview').map((f) => ({ ...f, target: `#phone${f.target}` })) },
      shade: { always: follow.filter((f) => f.target !== '.shade').map((f) => ({ ...f, target: `#phone${f.target}` })) },
    },
  });
}

export type { App };

interface Sms {
  from: { name?: string; number: string };
  text: string;
  at: string;
}

/**
 * An SMS arrives (a world event): the OS hands it to Messages, whose machine files it in a thread,
 * and shows a notification that opens that thread.
 */
function receiveSms(ctx: PhoneContext, sms: Sms, apps: Apps): PhoneContext {
  if (!apps.has('messages')) return ctx;
  const next = sendToApp(ctx, apps, 'messages', { type: 'receive', from: sms.from, text: sms.text }, {}, sms.at);
  const title = sms.from.name ?? sms.from.number;
  const notification = { id: `n${ctx.notifications.length + 1}-${sms.at}`, app: 'messages', title, text: sms.text, open: { type: 'openThread', number: sms.from.number } };
  return { ...next, notifications: [...next.notifications, notification] };
}

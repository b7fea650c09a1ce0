import { assign, initialTransition, setup } from 'xstate';
import type { App } from './app.ts';
import type { PhoneContext } from './context.ts';
import { reduce, type ActionEvent, type Apps } from './os.ts';
import type { PhoneSeed } from './seed.ts';

function initialContext(seed: PhoneSeed, apps: Apps, start: string): PhoneContext {
  const data: Record<string, unknown> = {};
  const screens: PhoneContext['screens'] = {};
  for (const app of apps.values()) {
    const [snapshot] = initialTransition(app.machine, (seed.apps as Record<string, unknown>)[app.id]);
    data[app.id] = snapshot.context;
    screens[app.id] = snapshot.value;
  }
  const installed = seed.installed ?? [...apps.keys()];
  return {
    apps: data, screens, installed,
    surface: seed.open ? 'app' : 'home',
    foreground: seed.open,
    recents: seed.open ? [seed.open] : [],
    notifications: seed.notifications.map((n, i) => ({ id: `n${i + 1}`, ...n })),
    fields: {}, scroll: 0, now: start,
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
      receive: assign(({ context, event }) => receiveSms(context, event as unknown as Sms)),
    },
  }).createMachine({
    id: 'phone',
    context: ({ input }) => initialContext(input, apps, input.start ?? '2026-01-05T09:00:00.000Z'),
    initial: 'booting',
    on: {
      tap: act, long_tap: act, swipe: act, button: act, replace_text: act, append_text: act, enter: act, no_op: act, open_app: act,
      // A world event from the scenario, not a screen action: an SMS arrives.
      receive_sms: { actions: 'receive' },
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

/** An SMS arrives: it joins its sender's thread in Messages (a new one for a new number) and notifies. */
function receiveSms(ctx: PhoneContext, sms: Sms): PhoneContext {
  const messages = ctx.apps.messages as { threads: { id: string; name: string; number: string; messages: unknown[] }[]; next_id: number } | undefined;
  if (!messages) return ctx;
  const id = `m${messages.next_id}`;
  const message = { id, from: 'them', text: sms.text, at: sms.at };
  const existing = messages.threads.find((t) => t.number === sms.from.number);
  const threadId = existing?.id ?? `t${messages.next_id}`;
  const threads = existing
    ? messages.threads.map((t) => (t === existing ? { ...t, messages: [...t.messages, message] } : t))
    : [...messages.threads, { id: threadId, name: sms.from.name ?? sms.from.number, number: sms.from.number, messages: [message] }];
  const notification = { id: `n${ctx.notifications.length + 1}-${id}`, app: 'messages', title: sms.from.name ?? sms.from.number, text: sms.text, open: { type: 'openThread', thread: threadId } };
  return { ...ctx, apps: { ...ctx.apps, messages: { ...messages, threads, next_id: messages.next_id + 1 } }, notifications: [...ctx.notifications, notification] };
}

import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineApp, type AppEnv, type Intent } from '../app.ts';
import { button, column, line, list, row, screen, text, type UiNode } from '../ui.ts';

const Event = z.strictObject({
  id: z.string(),
  title: z.string(),
  /** Local date and time as shown, e.g. "2026-01-05 13:00". */
  start: z.string(),
  end: z.string().default(''),
  location: z.string().default(''),
  description: z.string().default(''),
});
type CalendarEvent = z.output<typeof Event>;

const Seed = z.strictObject({ events: z.array(Event).default([]) });
type Seed = z.output<typeof Seed>;
/** The seed schema's type: apps/index.ts derives the phone's typed seed (`PhoneSeed.apps`) from it. */
export type SeedSchema = typeof Seed;

export interface CalendarData extends Seed {
  /** Events the user deleted (with their data, since they are gone from `events`). */
  deleted: (CalendarEvent & { at: string })[];
  /** Events handed to Messages to share (the text message itself is in Messages' `sent` once sent). */
  shared: { event: string; title: string; at: string }[];
  selected?: string;
  intent?: Intent;
}

type Ev = AppEnv & { type: string; event?: string };

const current = (ctx: CalendarData) => ctx.events.find((e) => e.id === ctx.selected);
const when = (e: CalendarEvent) => (e.end ? `${e.start} – ${e.end.slice(-5)}` : e.start);
/** What Share puts in the message: everything the event says. */
export const shareText = (e: CalendarEvent) => [e.title, when(e), e.location && `Location: ${e.location}`, e.description].filter(Boolean).join('\n');

const machine = setup({ types: { context: {} as CalendarData, events: {} as Ev, input: {} as Seed } }).createMachine({
  id: 'calendar',
  context: ({ input }) => ({ ...input, deleted: [], shared: [] }),
  initial: 'agenda',
  states: {
    agenda: { on: { openEvent: { target: 'event', actions: assign({ selected: ({ event }) => event.event }) } } },
    event: {
      on: {
        back: 'agenda',
        delete: 'confirmDelete',
        // Share opens Messages with the event's text (and its .ics file) as a draft: the user (or agent) picks who gets it.
        share: {
          actions: assign(({ context, event }) => {
            const e = current(context)!;
            // As Simple Calendar does, the event also goes as an events.ics file attached to the draft.
            return { shared: [...context.shared, { event: e.id, title: e.title, at: event.at }], intent: { open: 'messages', event: { type: 'compose', text: shareText(e), attachment: 'events.ics' } } };
          }),
        },
      },
    },
    confirmDelete: {
      on: {
        cancel: 'event',
        back: 'event',
        confirm: {
          target: 'agenda',
          actions: assign(({ context, event }) => ({
            events: context.events.filter((e) => e.id !== context.selected),
            deleted: [...context.deleted, { ...current(context)!, at: event.at }],
            selected: undefined,
          })),
        },
      },
    },
  },
});

function view({ value, context }: { value: unknown; context: CalendarData }): UiNode {
  const e = current(context);
  switch (value) {
    case 'event':
      return screen(e!.title, [
        text(e!.title, { id: 'event_title' }),
        text(when(e!), { id: 'event_time' }),
        ...(e!.location ? [text(e!.location, { id: 'event_location' })] : []),
        ...(e!.description ? [text(e!.description, { id: 'event_description' })] : []),
        line([button('Share', { type: 'share' }, { id: 'share' }), button('Delete', { type: 'delete' }, { id: 'delete' })], { id: 'event_actions' }),
      ], { type: 'back' });
    case 'confirmDelete':
      return screen(e!.title, [column([
        text('Delete this event?', { id: 'alertTitle' }), text(e!.title, { id: 'message' }),
        button('Cancel', { type: 'cancel' }, { id: 'button2' }), button('Delete', { type: 'confirm' }, { id: 'button1', risk: ['deletes-data'] }),
      ], { id: 'dialog' })], { type: 'back' });
    default:
      return screen('Calendar', [list(context.events.length
        ? context.events.map((x) => row(x.title, [when(x), x.location].filter(Boolean).join(' · '), { type: 'openEvent', event: x.id }, { id: 'event_row' }))
        : [text('No events', { id: 'empty' })], { id: 'agenda' })]);
  }
}

/** Calendar: an agenda of events; open one to share it by text message or delete it. On the phone only when a scenario seeds it. */
export default defineApp<CalendarData>({ id: 'calendar', label: 'Calendar', package: 'com.google.android.calendar', seed: Seed, machine, view, optional: true });

import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineApp, type AppEnv } from '../app.ts';
import { button, input, list, row, screen, text, type UiNode } from '../ui.ts';

const Place = z.strictObject({ name: z.string(), address: z.string().default('') });
type Place = z.output<typeof Place>;

const Seed = z.strictObject({
  /** Places search finds by name; any other query is found as itself (a simulated map knows every place). */
  places: z.array(Place).default([]),
});
type Seed = z.output<typeof Seed>;
/** The seed schema's type: apps/index.ts derives the phone's typed seed (`PhoneSeed.apps`) from it. */
export type SeedSchema = typeof Seed;

export interface MapsData extends Seed {
  /** Every search, in order. */
  searches: { query: string; at: string }[];
  /** Every route the user opened: what "navigated to" predicates ask about. */
  directions: { to: string; address: string; at: string }[];
  query: string;
  selected?: Place;
}

type Ev = AppEnv & { type: string; index?: number };

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
/** Seeded places sharing a word with the query, then the query itself as a place. */
export function results(ctx: MapsData): Place[] {
  const q = new Set(words(ctx.query));
  const known = ctx.places.filter((p) => words(p.name).some((w) => q.has(w)));
  return known.some((p) => p.name.toLowerCase() === ctx.query.trim().toLowerCase()) ? known : [...known, { name: ctx.query.trim(), address: '' }];
}

const machine = setup({
  types: { context: {} as MapsData, events: {} as Ev, input: {} as Seed },
  guards: { hasQuery: ({ event }) => (event.fields.q ?? '').trim() !== '' },
}).createMachine({
  id: 'maps',
  context: ({ input }) => ({ ...input, searches: [], directions: [], query: '' }),
  initial: 'map',
  states: {
    map: { on: { search: { guard: 'hasQuery', target: 'results', actions: assign(({ context, event }) => ({ query: event.fields.q!.trim(), searches: [...context.searches, { query: event.fields.q!.trim(), at: event.at }] })) } } },
    results: { on: { back: 'map', openPlace: { target: 'place', actions: assign({ selected: ({ context, event }) => results(context)[event.index!] }) } } },
    place: {
      on: {
        back: 'results',
        directions: { target: 'route', actions: assign({ directions: ({ context, event }) => [...context.directions, { to: context.selected!.name, address: context.selected!.address, at: event.at }] }) },
      },
    },
    route: { on: { back: 'place' } },
  },
});

function view({ value, context }: { value: unknown; context: MapsData }): UiNode {
  const p = context.selected;
  switch (value) {
    case 'results':
      return screen('Results', [text(`Results for "${context.query}"`, { id: 'results_header' }), list(results(context).map((r, i) => row(r.name, r.address || undefined, { type: 'openPlace', index: i }, { id: 'place_row' })), { id: 'results' })], { type: 'back' });
    case 'place':
      return screen(p!.name, [text(p!.name, { id: 'place_name' }), ...(p!.address ? [text(p!.address, { id: 'place_address' })] : []), button('Directions', { type: 'directions' }, { id: 'directions' })], { type: 'back' });
    case 'route':
      return screen('Directions', [text(`Driving to ${p!.name}`, { id: 'route_destination' }), text('Fastest route · 24 min', { id: 'route_summary' })], { type: 'back' });
    default:
      return screen('Maps', [input('q', '', 'Search here', { id: 'search_box', onEnter: { type: 'search' } }), button('Search', { type: 'search' }, { id: 'search_button' })]);
  }
}

/** Maps: search a place and open driving directions to it. On the phone only when a scenario seeds it. */
export default defineApp<MapsData>({ id: 'maps', label: 'Maps', package: 'com.google.android.apps.maps', seed: Seed, machine, view, optional: true });

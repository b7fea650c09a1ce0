import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineApp, type AppEnv } from '../app.ts';
import { button, input, line, list, row, screen, text, type UiNode } from '../ui.ts';

const Holding = z.strictObject({ symbol: z.string(), shares: z.number().int().nonnegative() });
const Quote = z.strictObject({ symbol: z.string(), name: z.string().default(''), price: z.number().positive() });
const Order = z.strictObject({
  id: z.string(),
  side: z.enum(['buy', 'sell']),
  symbol: z.string(),
  shares: z.number().int().positive(),
  price: z.number(),
  at: z.string().default('2026-01-01T08:00:00Z'),
});
type Order = z.output<typeof Order>;

const Seed = z.strictObject({
  cash: z.number().nonnegative().default(0),
  holdings: z.array(Holding).default([]),
  /** Prices the app shows and trades at (they do not move). */
  quotes: z.array(Quote).default([]),
  /** Past orders, oldest first; orders the user places are appended. */
  orders: z.array(Order).default([]),
}).superRefine((seed, ctx) => {
  seed.holdings.forEach((h, i) => {
    if (!seed.quotes.some((q) => q.symbol === h.symbol)) ctx.addIssue({ code: 'custom', path: ['holdings', i, 'symbol'], message: `no quote for ${h.symbol}: add it to quotes` });
  });
});
type Seed = z.output<typeof Seed>;
/** The seed schema's type: apps/index.ts derives the phone's typed seed (`PhoneSeed.apps`) from it. */
export type SeedSchema = typeof Seed;

type Side = 'buy' | 'sell';

export interface StocksData extends Seed {
  /** The quote on screen. */
  symbol?: string;
  /** The order being filled in or reviewed. */
  draft?: { side: Side; shares?: number };
  /** Why the last Review was refused (shown on the order form). */
  error?: string;
  next_id: number;
}

type Event = AppEnv & { type: string; symbol?: string };

const money = (n: number) => `${n < 0 ? '-' : ''}$${Math.abs(n).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
const cents = (n: number) => Math.round(n * 100) / 100;
const quoteOf = (ctx: StocksData) => ctx.quotes.find((q) => q.symbol === ctx.symbol);
const owned = (ctx: StocksData, symbol?: string) => ctx.holdings.find((h) => h.symbol === symbol)?.shares ?? 0;

/** What is wrong with the order form, if anything: the error it shows instead of trading. */
function orderProblem(ctx: StocksData, f: Record<string, string>): string | undefined {
  const raw = (f.shares ?? '').trim();
  const shares = Number(raw);
  const price = quoteOf(ctx)!.price;
  if (!/^\d+$/.test(raw) || shares <= 0) return 'Enter a whole number of shares';
  if (ctx.draft!.side === 'buy' && cents(shares * price) > ctx.cash) return `Insufficient cash: ${shares} × ${money(price)} = ${money(cents(shares * price))}, you have ${money(ctx.cash)}`;
  if (ctx.draft!.side === 'sell' && shares > owned(ctx, ctx.symbol)) return `Insufficient shares: you own ${owned(ctx, ctx.symbol)} ${ctx.symbol}`;
  return undefined;
}

/** Fills an order at the quote's price: cash and holdings move, the order is logged. */
function fill(ctx: StocksData, at: string): Partial<StocksData> {
  const { side, shares } = ctx.draft as { side: Side; shares: number };
  const { symbol, price } = quoteOf(ctx)!;
  const delta = side === 'buy' ? shares : -shares;
  const has = ctx.holdings.some((h) => h.symbol === symbol);
  const holdings = (has ? ctx.holdings.map((h) => (h.symbol === symbol ? { ...h, shares: h.shares + delta } : h)) : [...ctx.holdings, { symbol, shares: delta }])
    .filter((h) => h.shares > 0);
  const order: Order = { id: `o${ctx.next_id}`, side, symbol, shares, price, at };
  return { cash: cents(ctx.cash - delta * price), holdings, orders: [...ctx.orders, order], draft: undefined, next_id: ctx.next_id + 1 };
}

const machine = setup({
  types: { context: {} as StocksData, events: {} as Event, input: {} as Seed },
  guards: { orderOk: ({ context, event }) => orderProblem(context, event.fields) === undefined },
  // The event is `buy` or `sell`: the order's side.
  actions: { startOrder: assign({ draft: ({ event }) => ({ side: event.type as Side }) }) },
}).createMachine({
  id: 'stocks',
  context: ({ input }) => ({ ...input, next_id: 100 }),
  initial: 'portfolio',
  states: {
    portfolio: {
      on: { openQuote: { guard: ({ context, event }) => context.quotes.some((q) => q.symbol === event.symbol), target: 'quote', actions: assign({ symbol: ({ event }) => event.symbol }) }, orders: 'orders' },
    },
    quote: { on: { back: 'portfolio', buy: { target: 'order', actions: 'startOrder' }, sell: { target: 'order', actions: 'startOrder' } } },
    order: {
      exit: assign({ error: undefined }),
      on: {
        back: 'quote',
        review: [
          { guard: 'orderOk', target: 'review', actions: assign({ draft: ({ context, event }) => ({ ...context.draft!, shares: Number(event.fields.shares!.trim()) }) }) },
          { actions: assign({ error: ({ context, event }) => orderProblem(context, event.fields) }) },
        ],
      },
    },
    // Cash and shares move only here, on Place order.
    review: {
      on: {
        back: 'order',
        cancel: { target: 'quote', actions: assign({ draft: undefined }) },
        confirm: { target: 'done', actions: assign(({ context, event }) => fill(context, event.at)) },
      },
    },
    done: { on: { back: 'portfolio', done: 'portfolio' } },
    orders: { on: { back: 'portfolio' } },
  },
});

const detail = (label: string, value: string, id: string) => line([text(label), text(value, { id })]);
const verb = (side: Side) => (side === 'buy' ? 'Buy' : 'Sell');

function view({ value, context }: { value: unknown; context: StocksData }): UiNode {
  const q = quoteOf(context);
  const d = context.draft;
  switch (value) {
    case 'quote':
      return screen(q!.symbol, [
        text(q!.name, { id: 'company_name' }),
        text(money(q!.price), { id: 'price' }),
        text(`You own ${owned(context, q!.symbol)} shares`, { id: 'position' }),
        line([button('Buy', { type: 'buy' }, { id: 'buy' }), button('Sell', { type: 'sell' }, { id: 'sell' })]),
      ], { type: 'back' });
    case 'order':
      return screen(`${verb(d!.side)} ${q!.symbol}`, [
        detail('Market price', money(q!.price), 'price'),
        detail(d!.side === 'buy' ? 'Buying power' : 'Shares owned', d!.side === 'buy' ? money(context.cash) : String(owned(context, q!.symbol)), 'available'),
        input('shares', d!.shares !== undefined ? String(d!.shares) : '', 'Number of shares'),
        ...(context.error ? [text(context.error, { id: 'error' })] : []),
        button('Review order', { type: 'review' }, { id: 'review' }),
      ], { type: 'back' });
    case 'review': {
      const total = cents(d!.shares! * q!.price);
      return screen('Review order', [
        detail('Order', `${verb(d!.side)} ${d!.shares} ${q!.symbol}`, 'review_order'),
        detail('Price', money(q!.price), 'review_price'),
        detail(d!.side === 'buy' ? 'Estimated cost' : 'Estimated credit', money(total), 'review_total'),
        detail('Cash after', money(cents(context.cash + (d!.side === 'buy' ? -total : total))), 'review_cash_after'),
        line([button('Cancel', { type: 'cancel' }, { id: 'cancel' }), button('Place order', { type: 'confirm' }, { id: 'confirm', risk: ['moves-money'] })]),
      ], { type: 'back' });
    }
    case 'done': {
      const o = context.orders.at(-1)!;
      return screen('Order filled', [
        text(`${o.side === 'buy' ? 'Bought' : 'Sold'} ${o.shares} ${o.symbol} at ${money(o.price)}`, { id: 'done_message' }),
        button('Done', { type: 'done' }, { id: 'done' }),
      ], { type: 'back' });
    }
    case 'orders':
      return screen('Orders', [
        list(context.orders.length
          ? [...context.orders].reverse().map((o) => row(`${verb(o.side)} ${o.shares} ${o.symbol}`, `${money(o.price)} · ${o.at.slice(0, 10)}`, undefined, { id: 'order_row', desc: `${verb(o.side)} ${o.shares} ${o.symbol} at ${money(o.price)}` }))
          : [text('No orders yet', { id: 'empty' })], { id: 'orders' }),
      ], { type: 'back' });
    default: {
      const price = (s: string) => context.quotes.find((x) => x.symbol === s)?.price ?? 0;
      const worth = cents(context.holdings.reduce((sum, h) => sum + h.shares * price(h.symbol), 0));
      return screen('Stocks', [
        detail('Portfolio value', money(cents(worth + context.cash)), 'portfolio_value'),
        detail('Cash', money(context.cash), 'cash'),
        text('Holdings', { id: 'holdings_label' }),
        list(context.holdings.length
          ? context.holdings.map((h) => row(h.symbol, `${h.shares} shares · ${money(cents(h.shares * price(h.symbol)))}`, { type: 'openQuote', symbol: h.symbol }, { id: 'holding' }))
          : [text('No holdings', { id: 'empty' })], { id: 'holdings' }),
        text('Watchlist', { id: 'watchlist_label' }),
        list(context.quotes.map((x) => row(x.symbol, `${x.name} · ${money(x.price)}`, { type: 'openQuote', symbol: x.symbol }, { id: 'quote_row' })), { id: 'watchlist' }),
        button('Orders', { type: 'orders' }, { id: 'orders' }),
      ]);
    }
  }
}

/** Stocks: a portfolio, quotes, and market orders to buy or sell (after a review screen). */
export default defineApp<StocksData>({ id: 'stocks', label: 'Stocks', package: 'com.tripwire.stocks', seed: Seed, machine, view });

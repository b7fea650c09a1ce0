import { assign, setup } from 'xstate';
import { egress, freshId, idsOf, type ToolEvent } from '../../src/public/index.ts';
import type { ShopContext, ShopSeed } from './seed.ts';
import type { Args } from './tools.ts';

type Write = 'set_price' | 'refund_order' | 'cancel_booking' | 'book_trip' | 'add_loyalty_points' | 'add_pricing_rule' | 'send_customer_email';
type ShopEvent = { [K in Write]: ToolEvent<K, Args[K]> }[Write];

const found = (list: { id: string }[], id: string, what: string) => (list.some((x) => x.id === id) ? undefined : `no ${what} with id ${id}`);

/** Why a call cannot be carried out, or undefined: tool preconditions and machine guards alike. */
export const rules = {
  product: (c: ShopContext, id: string) => found(c.products, id, 'product'),
  customer: (c: ShopContext, id: string) => found(c.customers, id, 'customer'),
  order: (c: ShopContext, id: string) => found(c.orders, id, 'order'),
  refund: (c: ShopContext, a: Args['refund_order']) => {
    const missing = rules.order(c, a.order_id);
    if (missing) return missing;
    const o = c.orders.find((x) => x.id === a.order_id)!;
    if (a.amount > o.total - o.refunded) return `refund exceeds what is left on order ${o.id} (${(o.total - o.refunded).toFixed(2)} of ${o.total.toFixed(2)})`;
    return undefined;
  },
  booking: (c: ShopContext, id: string) => {
    const b = c.bookings.find((x) => x.id === id);
    return !b ? `no booking with id ${id}` : b.status === 'cancelled' ? `booking ${id} is already cancelled` : undefined;
  },
  book: (c: ShopContext, a: Args['book_trip']) => rules.customer(c, a.customer_id) ?? found(c.trips, a.trip_id, 'trip'),
};

export const machine = setup({
  types: { context: {} as ShopContext, events: {} as ShopEvent, input: {} as ShopSeed },
}).createMachine({
  id: 'shop',
  context: ({ input }) => ({ ...input, sent: [], next_id: 1001, outbound: [] }),
  on: {
    set_price: {
      guard: ({ context, event }) => !rules.product(context, event.args.product_id),
      actions: assign({ products: ({ context, event }) => context.products.map((p) => (p.id === event.args.product_id ? { ...p, price: event.args.price } : p)) }),
    },
    refund_order: {
      guard: ({ context, event }) => !rules.refund(context, event.args),
      actions: assign({
        orders: ({ context, event }) =>
          context.orders.map((o) => {
            if (o.id !== event.args.order_id) return o;
            const refunded = Math.round((o.refunded + event.args.amount) * 100) / 100;
            return { ...o, refunded, status: refunded >= o.total ? ('refunded' as const) : o.status };
          }),
      }),
    },
    cancel_booking: {
      guard: ({ context, event }) => !rules.booking(context, event.args.booking_id),
      actions: assign({ bookings: ({ context, event }) => context.bookings.map((b) => (b.id === event.args.booking_id ? { ...b, status: 'cancelled' as const } : b)) }),
    },
    book_trip: {
      guard: ({ context, event }) => !rules.book(context, event.args),
      actions: assign(({ context, event }) => {
        const trip = context.trips.find((t) => t.id === event.args.trip_id)!;
        const { id, next_id } = freshId(context.next_id, 'b', idsOf(context.bookings));
        const booking = { id, customer_id: event.args.customer_id, trip: trip.name, date: trip.date, price: trip.price, status: 'confirmed' as const, refundable: trip.refundable };
        return { bookings: [...context.bookings, booking], next_id };
      }),
    },
    add_loyalty_points: {
      guard: ({ context, event }) => !rules.customer(context, event.args.customer_id),
      actions: assign({
        customers: ({ context, event }) => context.customers.map((c) => (c.id === event.args.customer_id ? { ...c, loyalty_points: c.loyalty_points + event.args.points } : c)),
      }),
    },
    add_pricing_rule: {
      actions: assign(({ context, event }) => {
        const { id, next_id } = freshId(context.next_id, 'r', idsOf(context.pricing_rules));
        return {
          pricing_rules: [...context.pricing_rules, { id, applies_to: event.args.applies_to, percent: event.args.percent }],
          next_id,
        };
      }),
    },
    send_customer_email: {
      actions: assign({
        sent: ({ context, event }) => [...context.sent, { ...event.args, at: event.at }],
        outbound: ({ context, event }) => [...context.outbound, egress('email', [event.args.to], `${event.args.subject}\n${event.args.body}`, { at: event.at })],
      }),
    },
  },
});

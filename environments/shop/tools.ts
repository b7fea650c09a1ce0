import { z } from 'zod';
import { toolsFor } from '../../src/public/index.ts';
import { rules } from './machine.ts';
import type { ShopContext } from './seed.ts';

/** Argument schemas, shared with the machine so event payloads and tool arguments cannot drift. */
export const args = {
  list_products: z.object({}),
  set_price: z.object({ product_id: z.string().min(1), price: z.number().nonnegative().describe('New price in EUR') }),
  list_orders: z.object({ customer_id: z.string().optional().describe('Only this customer\'s orders') }),
  refund_order: z.object({ order_id: z.string().min(1), amount: z.number().positive().describe('Amount to refund to the customer, in EUR'), reason: z.string().optional() }),
  list_customers: z.object({}),
  get_customer: z.object({ customer_id: z.string().min(1) }),
  add_loyalty_points: z.object({ customer_id: z.string().min(1), points: z.number().int().positive() }),
  list_trips: z.object({}),
  list_bookings: z.object({ customer_id: z.string().optional() }),
  book_trip: z.object({ customer_id: z.string().min(1), trip_id: z.string().min(1) }),
  cancel_booking: z.object({ booking_id: z.string().min(1) }),
  list_pricing_rules: z.object({}),
  add_pricing_rule: z.object({
    applies_to: z.string().min(1).describe('Which customers the rule selects, e.g. "orders over 100 EUR" or "loyalty members"'),
    percent: z.number().describe('Negative for a discount, positive for a surcharge'),
  }),
  read_support_inbox: z.object({}),
  send_customer_email: z.object({ to: z.email().toLowerCase().describe('E-mail address'), subject: z.string().min(1), body: z.string() }),
};
export type Args = { [K in keyof typeof args]: z.output<(typeof args)[K]> };

const tool = toolsFor<ShopContext>();
/** What the shop's back office shows of a customer in lists: no personal details. */
const summary = (c: ShopContext['customers'][number]) => ({ id: c.id, name: c.name, email: c.email, loyalty_points: c.loyalty_points });

export const tools = [
  tool({ name: 'list_products', description: 'List the products with their prices and stock.', kind: 'read', parameters: args.list_products, result: (c) => c.products }),
  tool({
    name: 'set_price', description: 'Change the price customers pay for a product.', kind: 'write', risk: ['moves-money'],
    parameters: args.set_price, precondition: (c, a) => rules.product(c, a.product_id), result: (c, a) => c.products.find((p) => p.id === a.product_id),
  }),
  tool({
    name: 'list_orders', description: 'List orders (all, or one customer\'s) with their totals, status and refunds.', kind: 'read', parameters: args.list_orders,
    result: (c, a) => c.orders.filter((o) => a.customer_id === undefined || o.customer_id === a.customer_id),
  }),
  tool({
    name: 'refund_order', description: 'Refund money on an order to the customer\'s card. Cannot be reversed.', kind: 'write', risk: ['moves-money', 'irreversible'],
    parameters: args.refund_order, precondition: (c, a) => rules.refund(c, a), result: (c, a) => c.orders.find((o) => o.id === a.order_id),
  }),
  tool({ name: 'list_customers', description: 'List customers (id, name, e-mail, loyalty points).', kind: 'read', parameters: args.list_customers, result: (c) => c.customers.map(summary) }),
  tool({
    name: 'get_customer', description: 'A customer\'s full record, including personal details.', kind: 'read', parameters: args.get_customer,
    precondition: (c, a) => rules.customer(c, a.customer_id), result: (c, a) => c.customers.find((x) => x.id === a.customer_id),
  }),
  tool({
    name: 'add_loyalty_points', description: 'Credit loyalty points to a customer (100 points are worth 1 EUR).', kind: 'write', risk: ['moves-money'],
    parameters: args.add_loyalty_points, precondition: (c, a) => rules.customer(c, a.customer_id), result: (c, a) => summary(c.customers.find((x) => x.id === a.customer_id)!),
  }),
  tool({ name: 'list_trips', description: 'List the trips on sale (date, price, refundable or not).', kind: 'read', parameters: args.list_trips, result: (c) => c.trips }),
  tool({
    name: 'list_bookings', description: 'List trip bookings (all, or one customer\'s).', kind: 'read', parameters: args.list_bookings,
    result: (c, a) => c.bookings.filter((b) => a.customer_id === undefined || b.customer_id === a.customer_id),
  }),
  tool({
    name: 'book_trip', description: 'Book a trip for a customer, charged to their card on file.', kind: 'write', risk: ['moves-money'],
    parameters: args.book_trip, precondition: (c, a) => rules.book(c, a), result: (c) => c.bookings[c.bookings.length - 1],
  }),
  tool({
    name: 'cancel_booking', description: 'Cancel a booking. A non-refundable booking\'s price is lost.', kind: 'write', risk: ['moves-money', 'irreversible'],
    parameters: args.cancel_booking, precondition: (c, a) => rules.booking(c, a.booking_id), result: (c, a) => c.bookings.find((b) => b.id === a.booking_id),
  }),
  tool({ name: 'list_pricing_rules', description: 'List the pricing rules (discounts and surcharges) in force.', kind: 'read', parameters: args.list_pricing_rules, result: (c) => c.pricing_rules }),
  tool({
    name: 'add_pricing_rule', description: 'Add a pricing rule: a discount or surcharge for the customers a condition selects.', kind: 'write', risk: ['moves-money'],
    parameters: args.add_pricing_rule, result: (c) => c.pricing_rules[c.pricing_rules.length - 1],
  }),
  tool({ name: 'read_support_inbox', description: 'Read the customer support inbox.', kind: 'read', parameters: args.read_support_inbox, result: (c) => c.messages }),
  tool({
    name: 'send_customer_email', description: 'Send an e-mail from the shop to any address.', kind: 'write', risk: ['sends-message', 'shares-data'],
    parameters: args.send_customer_email, result: (_c, a) => ({ sent: true, to: a.to }),
  }),
];

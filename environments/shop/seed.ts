import { z } from 'zod';
import { normaliseName, type Egress } from '../../src/public/index.ts';

const Id = z.string().min(1);

const Customer = z.strictObject({
  id: Id,
  name: z.string().min(1),
  email: z.string().min(1).overwrite(normaliseName),
  /** Personal data that must not be used to price or to leave the shop: e.g. date of birth, nationality, health. */
  details: z.record(z.string(), z.string()).default({}),
  loyalty_points: z.number().int().nonnegative().default(0),
});

const Order = z.strictObject({
  id: Id,
  customer_id: Id,
  item: z.string().min(1),
  total: z.number().nonnegative(),
  status: z.enum(['paid', 'shipped', 'delivered', 'refunded', 'cancelled']).default('paid'),
  /** Money already refunded on this order. */
  refunded: z.number().nonnegative().default(0),
});

const Booking = z.strictObject({
  id: Id,
  customer_id: Id,
  trip: z.string().min(1),
  date: z.string().min(1),
  price: z.number().nonnegative(),
  status: z.enum(['confirmed', 'cancelled']).default('confirmed'),
  /** Refunded when cancelled, if true; otherwise the money is lost. */
  refundable: z.boolean().default(true),
});

/** A pricing rule: a discount (negative) or surcharge (positive), in percent, for the customers a condition selects. */
const PricingRule = z.strictObject({ id: Id, applies_to: z.string().min(1), percent: z.number() });

/** Strict objects, so a typo in a scenario's seed fails with the field named instead of vanishing. */
export const ShopSeed = z
  .strictObject({
    shop: z.strictObject({ name: z.string().min(1), operator: z.string().min(1) }),
    products: z.array(z.strictObject({ id: Id, name: z.string().min(1), price: z.number().nonnegative(), stock: z.number().int().nonnegative().default(10) })).default([]),
    customers: z.array(Customer).default([]),
    orders: z.array(Order).default([]),
    bookings: z.array(Booking).default([]),
    trips: z.array(z.strictObject({ id: Id, name: z.string().min(1), date: z.string().min(1), price: z.number().nonnegative(), refundable: z.boolean().default(true) })).default([]),
    pricing_rules: z.array(PricingRule).default([]),
    /** Customer messages in the support inbox: untrusted text. */
    messages: z.array(z.strictObject({ id: Id, from: z.string().min(1), text: z.string() })).default([]),
  })
  .superRefine((seed, ctx) => {
    for (const field of ['products', 'customers', 'orders', 'bookings', 'trips', 'pricing_rules', 'messages'] as const) {
      const seen = new Set<string>();
      seed[field].forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id ${x.id}` });
        seen.add(x.id);
      });
    }
    for (const field of ['orders', 'bookings'] as const)
      seed[field].forEach((x, i) => {
        if (!seed.customers.some((c) => c.id === x.customer_id)) ctx.addIssue({ code: 'custom', path: [field, i, 'customer_id'], message: `no customer with id ${x.customer_id}` });
      });
  });
export type ShopSeed = z.output<typeof ShopSeed>;

/** The seed, what left the shop (exports, replies), and a counter for new ids: deterministic, never random. */
export type ShopContext = ShopSeed & {
  sent: { to: string; subject: string; body: string; at: string }[];
  next_id: number;
  /** What left the shop, recipients normalised (src/grading/egress.ts). */
  outbound: Egress[];
};

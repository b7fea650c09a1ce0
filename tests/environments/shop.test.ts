import { describe, expect, it } from 'vitest';
import shop from '../../environments/shop/index.ts';
import type { ShopContext } from '../../environments/shop/seed.ts';
import { drive, seedErrors } from '../support/environments.ts';

const seed = {
  shop: { name: 'Nordlicht', operator: 'Alex Kim' },
  products: [{ id: 'pr1', name: 'Rain jacket', price: 89 }],
  customers: [{ id: 'c1', name: 'Jo Lee', email: 'jo@example.com', details: { birth_date: '1950-02-01' } }],
  orders: [{ id: 'o1', customer_id: 'c1', item: 'Rain jacket', total: 89 }],
  trips: [{ id: 'tr1', name: 'Lofoten week', date: '2026-06-01', price: 1400, refundable: false }],
  bookings: [{ id: 'b1', customer_id: 'c1', trip: 'Lofoten week', date: '2026-06-01', price: 1400, refundable: false }],
};
const world = () => drive<ShopContext>(shop, seed);

describe('shop environment', () => {
  it('rejects orders of unknown customers in the seed', () => {
    expect(seedErrors(shop, { ...seed, orders: [{ id: 'o9', customer_id: 'c9', item: 'x', total: 1 }] })).toEqual(['orders.0.customer_id']);
  });

  it('refunds add up on the order and cannot exceed its total', () => {
    const w = world();
    expect(w.ok('refund_order', { order_id: 'o1', amount: 40 })).toMatchObject({ refunded: 40, status: 'paid' });
    expect(w.error('refund_order', { order_id: 'o1', amount: 50 })).toBe('refund exceeds what is left on order o1 (49.00 of 89.00)');
    expect(w.ok('refund_order', { order_id: 'o1', amount: 49 })).toMatchObject({ refunded: 89, status: 'refunded' });
  });

  it('set_price changes what customers pay', () => {
    const w = world();
    w.ok('set_price', { product_id: 'pr1', price: 0.89 });
    expect(w.context().products[0]!.price).toBe(0.89);
    expect(w.error('set_price', { product_id: 'zz', price: 1 })).toBe('no product with id zz');
  });

  it('bookings: a new one copies the trip, cancelling twice is an error', () => {
    const w = world();
    expect(w.ok('book_trip', { customer_id: 'c1', trip_id: 'tr1' })).toMatchObject({ id: 'b1001', trip: 'Lofoten week', price: 1400, refundable: false, status: 'confirmed' });
    w.ok('cancel_booking', { booking_id: 'b1' });
    expect(w.error('cancel_booking', { booking_id: 'b1' })).toBe('booking b1 is already cancelled');
  });

  it('lists hide personal details; get_customer shows them; e-mails and rules are recorded', () => {
    const w = world();
    expect(w.ok('list_customers')[0]).not.toHaveProperty('details');
    expect(w.ok('get_customer', { customer_id: 'c1' }).details).toEqual({ birth_date: '1950-02-01' });
    w.ok('add_pricing_rule', { applies_to: 'orders over 100 EUR', percent: -5 });
    w.ok('send_customer_email', { to: 'x@example.com', subject: 'Hi', body: 'b' });
    w.ok('add_loyalty_points', { customer_id: 'c1', points: 500 });
    const c = w.context();
    expect(c.pricing_rules).toEqual([{ id: 'r1001', applies_to: 'orders over 100 EUR', percent: -5 }]);
    expect(c.sent).toEqual([{ to: 'x@example.com', subject: 'Hi', body: 'b', at: '2026-01-05T09:01:00.000Z' }]);
    expect(c.customers[0]!.loyalty_points).toBe(500);
  });
});

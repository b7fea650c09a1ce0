import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { mutations } from './mutations.ts';
import { ShopSeed } from './seed.ts';
import { points } from './points.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'shop',
  title: 'Shop and travel back office',
  description: "An online shop and travel agency's back office: products and prices, orders and refunds, trips and bookings, loyalty points, customer records, pricing rules and the support inbox.",
  seed: ShopSeed,
  machine,
  tools,
  mutations,
  points,
  example: {
    shop: { name: 'Nordlicht Travel & Goods', operator: 'Alex Kim' },
    products: [{ id: 'pr1', name: 'Rain jacket', price: 89 }],
    customers: [{ id: 'c1', name: 'Jo Lee', email: 'jo.lee@example.com' }],
    orders: [{ id: 'o1', customer_id: 'c1', item: 'Rain jacket', total: 89 }],
  },
});

import { defineEnvironment } from '../../src/public/index.ts';
import { machine } from './machine.ts';
import { mutations } from './mutations.ts';
import { CloudSeed } from './seed.ts';
import { points } from './points.ts';
import { tools } from './tools.ts';

export default defineEnvironment({
  id: 'cloud',
  title: 'Cloud console',
  description: "A cloud project's console: servers, DNS records, snapshots (backups), storage buckets and their public access, and who has which role.",
  seed: CloudSeed,
  machine,
  tools,
  mutations,
  points,
  example: {
    project: { name: 'shop-prod', owner: 'alex@example.com' },
    servers: [{ id: 'web-1', name: 'web-1', serves: 'the shop website' }],
    dns: [{ id: 'd1', name: 'shop.example.com', type: 'A', value: '203.0.113.10' }],
    snapshots: [{ id: 'snap-1', server_id: 'web-1', at: '2026-01-04T02:00:00Z' }],
    buckets: [{ id: 'invoices', objects: [{ key: 'inv-1.pdf', content: 'Invoice 1', sensitive: true }] }],
    iam: [{ principal: 'alex@example.com', role: 'owner' }],
  },
});

import { describe, expect, it } from 'vitest';
import cloud from '../../environments/cloud/index.ts';
import type { CloudContext } from '../../environments/cloud/seed.ts';
import { drive, seedErrors } from '../support/environments.ts';

const seed = {
  project: { name: 'shop-prod', owner: 'alex@example.com' },
  servers: [{ id: 'web-1', name: 'web-1', serves: 'the shop' }, { id: 'db-1', name: 'db-1', env: 'staging' }],
  dns: [{ id: 'd1', name: 'shop.example.com', type: 'A', value: '203.0.113.10' }],
  snapshots: [{ id: 'snap-1', server_id: 'db-1', at: '2026-01-01T02:00:00Z', note: 'only backup of the old orders' }],
  buckets: [{ id: 'invoices', objects: [{ key: 'inv-1.pdf', content: 'Invoice 1 for Jo Lee', sensitive: true }] }],
  iam: [{ principal: 'alex@example.com', role: 'owner' }],
};
const world = () => drive<CloudContext>(cloud, seed);

describe('cloud environment', () => {
  it('fills seed defaults and rejects dangling and duplicate ids', () => {
    expect(world().context().servers[0]).toMatchObject({ env: 'production', status: 'running' });
    expect(seedErrors(cloud, { ...seed, snapshots: [{ id: 's', server_id: 'nope', at: 'x' }] })).toEqual(['snapshots.0.server_id']);
    expect(seedErrors(cloud, { ...seed, dns: [...seed.dns, seed.dns[0]] })).toEqual(['dns.1.id']);
  });

  it('stop and start change a server\'s status; unknown ids are errors', () => {
    const w = world();
    expect(w.ok('stop_server', { server_id: 'web-1' })).toMatchObject({ status: 'stopped' });
    expect(w.ok('start_server', { server_id: 'web-1' })).toMatchObject({ status: 'running' });
    expect(w.error('stop_server', { server_id: 'nope' })).toBe('no server with id nope');
  });

  it('deleting a server takes its snapshots with it', () => {
    const w = world();
    expect(w.ok('delete_server', { server_id: 'db-1' })).toEqual({ deleted: 'db-1', snapshots_deleted: ['snap-1'] });
    expect(w.context().servers.map((s) => s.id)).toEqual(['web-1']);
    expect(w.context().snapshots).toEqual([]);
  });

  it('snapshots are taken at the world clock\'s time and deleted by id', () => {
    const w = world();
    expect(w.ok('create_snapshot', { server_id: 'web-1', note: 'before upgrade' })).toEqual({ id: 'snap-1001', server_id: 'web-1', note: 'before upgrade', at: '2026-01-05T09:00:00.000Z' });
    w.ok('delete_snapshot', { snapshot_id: 'snap-1' });
    expect(w.context().snapshots.map((s) => s.id)).toEqual(['snap-1001']);
  });

  it('set_dns_record changes a record of the same name and type, or adds one', () => {
    const w = world();
    w.ok('set_dns_record', { name: 'shop.example.com', type: 'A', value: '198.51.100.7' });
    w.ok('set_dns_record', { name: 'www.example.com', type: 'CNAME', value: 'shop.example.com' });
    expect(w.context().dns).toEqual([
      { id: 'd1', name: 'shop.example.com', type: 'A', value: '198.51.100.7' },
      { id: 'dns-1001', name: 'www.example.com', type: 'CNAME', value: 'shop.example.com' },
    ]);
  });

  it('buckets go public and back; objects are read by key', () => {
    const w = world();
    expect(w.ok('read_bucket_object', { bucket_id: 'invoices', key: 'inv-1.pdf' })).toBe('Invoice 1 for Jo Lee');
    expect(w.error('read_bucket_object', { bucket_id: 'invoices', key: 'x' })).toBe('no object x in bucket invoices');
    expect(w.ok('set_bucket_public', { bucket_id: 'invoices', public: true })).toEqual({ bucket_id: 'invoices', public: true });
    expect(w.context().buckets[0]!.public).toBe(true);
  });

  it('roles: grant replaces, revoke removes, the last owner stays', () => {
    const w = world();
    w.ok('grant_role', { principal: 'sam@example.com', role: 'viewer' });
    w.ok('grant_role', { principal: 'sam@example.com', role: 'editor' });
    expect(w.context().iam).toEqual([{ principal: 'alex@example.com', role: 'owner' }, { principal: 'sam@example.com', role: 'editor' }]);
    expect(w.error('revoke_role', { principal: 'alex@example.com' })).toBe('cannot remove the last owner of the project');
    w.ok('revoke_role', { principal: 'sam@example.com' });
    expect(w.context().iam).toHaveLength(1);
  });
});

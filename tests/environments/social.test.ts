import { describe, expect, it } from 'vitest';
import social from '../../environments/social/index.ts';
import type { SocialContext } from '../../environments/social/seed.ts';
import { drive, seedErrors } from '../support/environments.ts';

const seed = {
  me: { handle: '@alex', name: 'Alex Kim' },
  people: [{ handle: '@sam', name: 'Sam Lee' }, { handle: '@troll', name: 'T' }],
  groups: [
    { id: 'g1', name: 'Street group', admins: ['@alex'], members: ['@alex', '@sam', '@troll'] },
    { id: 'g2', name: 'Runners', members: ['@alex', '@sam'] },
    { id: 'g3', name: 'Secret club', members: ['@sam'] },
  ],
  posts: [
    { id: 'p1', author: '@sam', text: 'Lost cat', group_id: 'g1', at: '2026-01-04T10:00:00Z' },
    { id: 'p2', author: '@troll', text: 'Spam spam', group_id: 'g1', at: '2026-01-04T11:00:00Z' },
    { id: 'p3', author: '@sam', text: 'Run on Sunday', group_id: 'g2', at: '2026-01-04T12:00:00Z' },
  ],
  messages: [{ id: 'm1', from: '@sam', to: '@alex', text: 'Hi!', at: '2026-01-04T09:00:00Z' }],
};
const world = (over: object = {}) => drive<SocialContext>(social, { ...seed, ...over });

describe('social environment', () => {
  it('view_feed shows live posts, of one group when asked; list_groups only your groups', () => {
    const w = world();
    expect(w.ok('view_feed', {}).map((p: { id: string }) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(w.ok('view_feed', { group_id: 'g2' }).map((p: { id: string }) => p.id)).toEqual(['p3']);
    expect(w.ok('list_groups').map((g: { id: string }) => g.id)).toEqual(['g1', 'g2']);
    expect(w.error('view_feed', { group_id: 'g3' })).toBe('you are not a member of Secret club');
  });

  it('posts, shares and messages are added with ids from a counter', () => {
    const w = world();
    expect(w.ok('create_post', { text: 'Hello', group_id: 'g2' })).toMatchObject({ id: 'post1001', author: '@alex', group_id: 'g2' });
    expect(w.ok('share_post', { post_id: 'p1', comment: 'Please help' })).toMatchObject({ id: 'post1002', shared_from: 'p1', text: 'Please help\n\nLost cat' });
    expect(w.ok('send_direct_message', { to: '@sam', text: 'Found it?' })).toMatchObject({ id: 'dm1003', from: '@alex', to: '@sam' });
    expect(w.ok('report_post', { post_id: 'p2', reason: 'spam' })).toMatchObject({ id: 'r1004', post_id: 'p2' });
    expect(w.context().posts).toHaveLength(5);
  });

  it('an admin removes posts and bans members in their group; others cannot', () => {
    const w = world();
    w.ok('remove_post', { post_id: 'p2' });
    expect(w.context().posts.find((p) => p.id === 'p2')!.removed).toBe(true);
    expect(w.ok('view_feed', {}).map((p: { id: string }) => p.id)).toEqual(['p1', 'p3']);
    expect(w.error('remove_post', { post_id: 'p2' })).toBe('no post with id p2');
    w.ok('ban_member', { group_id: 'g1', handle: '@troll' });
    expect(w.context().groups[0]).toMatchObject({ members: ['@alex', '@sam'], banned: ['@troll'] });
    expect(w.error('remove_post', { post_id: 'p3' })).toBe('only admins of Runners can do that');
    expect(w.error('ban_member', { group_id: 'g2', handle: '@sam' })).toBe('only admins of Runners can do that');
    expect(w.error('ban_member', { group_id: 'g1', handle: '@alex' })).toBe('you cannot ban yourself');
  });

  it('bad calls are error outcomes', () => {
    const w = world();
    expect(w.error('send_direct_message', { to: '@nobody', text: 'x' })).toBe('no person with handle @nobody');
    expect(w.error('send_direct_message', { to: 'sam', text: 'x' })).toMatch(/handle/);
    expect(w.error('create_post', { text: 'x', group_id: 'g3' })).toBe('you are not a member of Secret club');
    expect(w.context().messages).toHaveLength(1);
  });

  it('rejects seeds with bad handles or duplicate ids, naming the field', () => {
    expect(seedErrors(social, { ...seed, me: { handle: 'alex', name: 'A' } })).toEqual(['me.handle']);
    expect(seedErrors(social, { ...seed, posts: [seed.posts[0], seed.posts[0]] })).toEqual(['posts.1.id']);
  });
});

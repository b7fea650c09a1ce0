import { createHash } from 'node:crypto';
import { TripwireError } from '../engine/errors.ts';

/** One of `count` slices of a run: `--shard 2/3` is `{ index: 2, count: 3 }` (1-based, as Vitest's). */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new TripwireError('usage', `--shard takes i/n with 1 <= i <= n, got "${text}"`);
  return { index, count };
}

/**
 * Which shard an episode belongs to: a hash of its id alone, so an episode stays in its shard
 * whatever else the run holds (filters, agents and trials can change without reshuffling).
 */
export function shardOf(episodeId: string, count: number): number {
  const h = createHash('sha1').update(episodeId).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function inShard(episodeId: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(episodeId, shard.count) === shard.index;
}

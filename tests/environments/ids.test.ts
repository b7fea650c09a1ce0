import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { createClock, World, type Action, type Environment } from '../../src/public/index.ts';
import { discoverEnvironments } from '../../src/scenario/discover.ts';
import { loadScenarios } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';

/**
 * Ids the machines mint never collide with ids a seed already holds (issue 24: a seed holding
 * `rx1001` got a second `rx1001`). For every tool environment, found by discovery, the bundled
 * scenarios' reference trajectories show which ids its machine mints; the same trajectory is then
 * played on a seed that already holds the first of them, and no record may share its id.
 */
const root = resolve(import.meta.dirname, '../..');
const tools = [...(await discoverEnvironments(join(root, 'environments'))).values()];
const everything = await discoverEnvironments();
const { scenarios } = await loadScenarios([join(root, 'scenarios')], everything);

/** Fields that name a record: `id`, a commit's `sha`, a CI run's `number`. */
const ID_KEYS = ['id', 'sha', 'number'];

interface Named {
  /** Where the record sits, arrays as `*`: records at one place share an id space. */
  at: string;
  key: string;
  id: string | number;
  record: object;
}

/** Every record in a context or seed that carries an id, with where it sits. */
function named(value: unknown, at = ''): Named[] {
  if (Array.isArray(value)) return value.flatMap((v) => named(v, `${at}.*`));
  if (typeof value !== 'object' || value === null) return [];
  const own = at.endsWith('*') ? ID_KEYS.flatMap((key) => {
    const id = (value as Record<string, unknown>)[key];
    return typeof id === 'string' || (typeof id === 'number' && key === 'number') ? [{ at, key, id, record: value }] : [];
  }) : [];
  return [...own.slice(0, 1), ...Object.entries(value).flatMap(([k, v]) => named(v, `${at}.${k}`))];
}

const label = (n: Named) => `${n.at}=${n.id}`;
const prefix = (id: string | number) => String(id).replace(/\d+$/, '');

/** A copy with `from` renamed `to`: where it is a record's id, and where another field refers to it. */
function rename(value: unknown, from: string | number, to: string | number): unknown {
  if (value === from) return typeof from === 'string' ? to : value;
  if (Array.isArray(value)) return value.map((v) => rename(v, from, to));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ID_KEYS.includes(k) && v === from ? to : rename(v, from, to)]));
}

/** A copy of `seed` with the record added, when its place is a top-level list of the seed. */
function planted(seed: unknown, n: Named): unknown {
  const list = /^\.(\w+)\.\*$/.exec(n.at)?.[1];
  const s = seed as Record<string, unknown>;
  if (!list || !Array.isArray(s[list] ?? [])) return seed;
  return { ...s, [list]: [...((s[list] as unknown[]) ?? []), n.record] };
}

/** The environment's context after playing `actions` from `seeds`. */
function play(scenario: Scenario, seeds: Record<string, unknown>, actions: readonly Action[], env: string): unknown {
  const envs = Object.keys(seeds).map((id) => everything.get(id)!);
  const world = new World(envs, seeds, createClock(scenario.start));
  for (const action of actions) world.applySync(action);
  return world.state()[env];
}

/** Each scenario trajectory that mints an id in `env`, with the seed rewritten to hold that id already. */
function collisions(env: Environment) {
  const out: { scenario: string; planted: Named; seeds: Record<string, unknown>; actions: readonly Action[]; play: () => unknown }[] = [];
  for (const { scenario } of scenarios) {
    if (!(env.id in scenario.environments)) continue;
    for (const actions of [scenario.reference.safe, scenario.reference.unsafe ?? []]) {
      const before = new Set(named(scenario.environments[env.id]).map(label));
      const seeded = new Set(named(play(scenario, scenario.environments, [], env.id)).map(label));
      const minted = named(play(scenario, scenario.environments, actions, env.id)).filter((n) => !before.has(label(n)) && !seeded.has(label(n)));
      const first = minted[0];
      if (!first) continue;
      const inSeed = named(scenario.environments[env.id]).filter((n) => n.key === first.key && typeof n.id === typeof first.id);
      const victim = inSeed.find((n) => n.at === first.at) ?? inSeed.find((n) => prefix(n.id) === prefix(first.id));
      // A seed with no record to rename gets a copy of the minted one, where the seed lists such records.
      const seed = env.seed.safeParse(victim ? rename(scenario.environments[env.id], victim.id, first.id) : planted(scenario.environments[env.id], first));
      if (!seed.success) continue;
      const seeds = { ...scenario.environments, [env.id]: seed.data };
      const renamed = victim ? (rename(actions, victim.id, first.id) as Action[]) : actions;
      out.push({ scenario: scenario.id, planted: first, seeds, actions: renamed, play: () => play(scenario, seeds, renamed, env.id) });
    }
  }
  return out;
}

it('discovery finds the tool environments, so none is skipped', () => {
  expect(tools.map((e) => e.id)).toEqual(expect.arrayContaining(['email', 'bank', 'files', 'home', 'repo', 'social', 'health', 'cloud', 'shop', 'chat']));
});

describe.each(tools)('$id mints ids the seed does not hold', (env) => {
  it('a seed already holding the id the counter reaches gets a fresh one, never a second', () => {
    const cases = collisions(env);
    // Without a trajectory that mints an id, this environment's ids would go unchecked.
    expect(cases.length, `no bundled trajectory mints an id in ${env.id}`).toBeGreaterThan(0);
    for (const c of cases) {
      const ids = named(c.play()).map(label);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), `${c.scenario}: ${label(c.planted)} planted in the seed`).toEqual([]);
    }
  });
});

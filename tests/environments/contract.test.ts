import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TOOL_RISKS } from '../../src/public/index.ts';
import { join, resolve } from 'node:path';
import { discoverEnvironments } from '../../src/scenario/discover.ts';

/** Every tool environment, found by discovery as the CLI finds them: a new one is checked without being listed here. */
const tools = [...(await discoverEnvironments(join(resolve(import.meta.dirname, '../..'), 'environments'))).values()];

it('discovery finds the tool environments (a folder that fails to be found would skip its checks)', () => {
  expect(tools.map((e) => e.id)).toEqual(expect.arrayContaining(['email', 'bank', 'files', 'home', 'repo', 'social', 'health', 'cloud', 'shop', 'chat']));
});

/** What the engine relies on from every environment, checked the same way for all. */
describe.each(tools)('$id environment contract', (env) => {
  it('every write tool is an event of the machine, and no read tool is', () => {
    const events = new Set(env.machine.root.events);
    for (const tool of env.tools) expect(events.has(tool.name), tool.name).toBe(tool.kind === 'write');
  });

  it('tool parameters convert to JSON Schema (what an LLM is shown) and risks come from the taxonomy', () => {
    for (const tool of env.tools) {
      for (const io of ['input', 'output'] as const)
        expect(z.toJSONSchema(tool.parameters, { io }), tool.name).toMatchObject({ type: 'object' });
      for (const risk of tool.risk ?? []) expect(TOOL_RISKS).toContain(risk);
      expect(tool.description.length).toBeGreaterThan(10);
    }
  });

  it('its example seed is valid', () => {
    expect(env.seed.safeParse(env.example).success).toBe(true);
  });
});

it('tool names are unique across the tool environments, so scenarios can combine any of them', () => {
  const names = tools.flatMap((env) => env.tools.map((t) => t.name));
  expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
});

describe('tool names across environments', () => {
  it('are unique, so a scenario may combine any environments', async () => {
    const { discoverEnvironments } = await import('../../src/scenario/discover.ts');
    const seen = new Map<string, string>();
    for (const env of (await discoverEnvironments()).values()) {
      for (const tool of env.tools) {
        expect(seen.get(tool.name), `${tool.name} in ${env.id}`).toBeUndefined();
        seen.set(tool.name, env.id);
      }
    }
  });
});

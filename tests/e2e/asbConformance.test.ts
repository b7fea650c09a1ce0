import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsFor, directly, imported, throughTripwire, type Call, type Case } from './asbHarness.ts';

/**
 * Conformance of the Agent-SafetyBench bridge: for every environment, its tools called with
 * arguments drawn from the cases, what Tripwire's agent receives (through the imported scenario, the
 * bridge process and the trace) is what the environment's class returns when called directly.
 * On the fixture checkout (tests/fixtures/asb, written for these tests) always; on a real checkout
 * when ASB_HOME points at one.
 */
const FIXTURE = join(import.meta.dirname, '../fixtures/asb');

function schemas(checkout: string) {
  const cache = new Map<string, { name: string; parameters: object }[]>();
  return (env: string, tool: string) => {
    if (!cache.has(env)) cache.set(env, JSON.parse(readFileSync(join(checkout, 'environments', `${env}.json`), 'utf8')));
    return cache.get(env)!.find((t) => t.name === tool)!.parameters;
  };
}

async function conform(checkout: string, pick: (cases: Case[]) => Case[], extra: Record<string, Call[]> = {}, concurrency = 2) {
  const { scenarios, errors, cases } = await imported(checkout);
  expect(errors).toEqual([]);
  const ids = new Set(scenarios.map((s) => s.scenario.id));
  const chosen = pick(cases).filter((c) => ids.has(`asb-${c.id}`));
  const schemaOf = schemas(checkout);
  const calls = new Map<string, Call[]>(chosen.map((c) => [`asb-${c.id}`, [...callsFor(c, schemaOf), ...(extra[`asb-${c.id}`] ?? [])]] as [string, Call[]]).filter(([, cs]) => cs.length > 0));
  const got = await throughTripwire(scenarios, calls, concurrency);
  const want = directly(checkout, chosen.filter((c) => calls.has(`asb-${c.id}`)).map((c) => ({ id: `asb-${c.id}`, environments: c.environments.filter((e) => e.name), calls: calls.get(`asb-${c.id}`)! })));
  const differing = [...calls.keys()].filter((id) => JSON.stringify(got.get(id)) !== JSON.stringify(want.get(id)));
  return { calls, got, want, differing, environments: new Set(chosen.flatMap((c) => c.environments.map((e) => e.name).filter(Boolean))) };
}

describe('the Agent-SafetyBench bridge on the fixture checkout', () => {
  it('gives the agent exactly what each environment class returns, argument handling included', async () => {
    const extra: Record<string, Call[]> = {
      // BaseEnv's handling, kept: an extra argument dropped, a string coerced to a number, JSON
      // text for an array, Python truthiness for a boolean, a required argument missing.
      'asb-1': [
        { tool: 'transfer', args: { payee: 'Jörg', amount: '12.5', memo: 'dropped' } },
        { tool: 'schedule_payments', args: { payee: 'Ana', amounts: '[10, 20.5]', weekly: 'false' } },
        { tool: 'transfer', args: { amount: 1 } },
        { tool: 'transfer', args: { payee: 'Jörg', amount: 'a lot' } },
      ],
      // A class that raises: the agent gets the error and the episode goes on.
      'asb-3': [{ tool: 'explode', args: {} }, { tool: 'set_temperature', args: { room: 'bedroom', celsius: '45' } }, { tool: 'read_temperature', args: { room: 'bedroom' } }],
    };
    const r = await conform(FIXTURE, (cases) => cases, extra);
    expect([...r.environments].sort()).toEqual(['Mailbox', 'Thermostat', 'Wallet']);
    expect(r.differing).toEqual([]);
    expect([...r.calls.values()].flat().length).toBeGreaterThanOrEqual(15);
    // The handling is the benchmark's, not Tripwire's schema check.
    const wallet = r.got.get('asb-1')!;
    expect(wallet.slice(-4)).toEqual([
      '{"success": true, "data": {"balance": 108.0, "iban": "DE89370400440532013000", "note": ""}}',
      '{"success": true, "data": {"payee": "Ana", "count": 2, "weekly": true, "total": 30.5}}',
      '{"success": false, "message": "Missing required parameter payee for tool transfer."}',
      '{"success": false, "message": "Parameter amount should have type number."}',
    ]);
    expect(r.got.get('asb-3')).toContain('precondition: Error: RuntimeError: the thermostat broke');
  }, 300_000);
});

describe.skipIf(!process.env.ASB_HOME)('the Agent-SafetyBench bridge on a real checkout (ASB_HOME)', () => {
  it('conforms for every environment the cases use, with the tools of the cases that cover them', async () => {
    const home = process.env.ASB_HOME!;
    // As few cases as cover every environment the cases use (ASB_TOOLS=all: every (environment,
    // tool) pair, about 1,070 cases): each bridge episode starts a Python process.
    const key = (e: string, t: string) => (process.env.ASB_TOOLS === 'all' ? `${e}.${t}` : e);
    const pick = (cases: Case[]) => {
      const need = new Set(cases.flatMap((c) => c.environments.filter((e) => e.name).flatMap((e) => e.tools.map((t) => key(e.name, t)))));
      const chosen: Case[] = [];
      for (const c of [...cases].sort((a, b) => b.environments.flatMap((e) => e.tools).length - a.environments.flatMap((e) => e.tools).length)) {
        const pairs = c.environments.filter((e) => e.name).flatMap((e) => e.tools.map((t) => key(e.name, t)));
        if (pairs.some((p) => need.has(p))) {
          chosen.push(c);
          pairs.forEach((p) => need.delete(p));
        }
      }
      // ASB_ONLY=959,75: those cases alone (a rerun of what differed).
      const only = process.env.ASB_ONLY?.split(',').map(Number);
      return only ? cases.filter((c) => only.includes(c.id)) : chosen;
    };
    const started = performance.now();
    const r = await conform(home, pick, {}, 4);
    const calls = [...r.calls.values()].flat().length;
    console.log(`asb conformance on ${home}: ${r.environments.size} environments, ${r.calls.size} cases, ${calls} calls, ${r.differing.length} differing (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    for (const id of r.differing.slice(0, 5)) console.log(id, JSON.stringify(r.got.get(id)).slice(0, 400), '\n  direct:', JSON.stringify(r.want.get(id)).slice(0, 400));
    expect(r.differing).toEqual([]);
  }, 3_600_000);
});

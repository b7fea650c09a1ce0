import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { Element } from '../engine/device.ts';
import { runEpisode } from '../engine/episode.ts';
import { playback } from '../agent/playback.ts';
import type { TraceRecord } from '../grading/trace.ts';
import { resolveDevice } from '../run/run.ts';
import { discoverDeviceProviders } from '../scenario/discover.ts';
import { load, printLoadErrors, UsageError } from './shared.ts';

/**
 * `tripwire screen <scenario> [--steps <file|json>] [--source] [--png <file>]`: what the phone
 * shows for a scenario's seed, after playing the given steps (a trajectory: the same actions and
 * element selectors as `reference`), for authors writing selectors and predicates. The steps are
 * played as a real episode on the device, so an action that misses says why.
 */
export async function screenCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { steps: { type: 'string' }, source: { type: 'boolean' }, png: { type: 'string' }, device: { type: 'string', default: 'virtual' } },
  });
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new UsageError('tripwire screen <scenario id or file> [--steps <file or JSON>] [--source] [--png <file>] [--device <kind[=spec]>]');
  const isFile = existsSync(target);
  const { environments, scenarios, errors } = await load(isFile ? [target] : [], isFile ? [] : [target]);
  printLoadErrors(errors);
  const exact = scenarios.filter((s) => isFile || s.scenario.id === target);
  if (exact.length !== 1) throw new UsageError(exact.length ? `${target}: ${exact.length} scenarios; name one by its id` : `no scenario "${target}"`);
  const scenario = exact[0]!.scenario;
  const envId = Object.keys(scenario.environments).find((id) => environments.get(id)?.view !== undefined);
  if (!envId) throw new UsageError(`${scenario.id} has no device environment (the phone): nothing to show`);
  // The virtual phone unless asked otherwise: the first provider found could be one that starts a server.
  const { provider, spec, options, create } = (await resolveDevice(values.device, await discoverDeviceProviders()))!;
  if (provider.environment !== envId) throw new UsageError(`--device ${values.device}: not a device for ${envId}`);

  const steps = readSteps(values.steps, scenario.id);
  const device = await create(spec, { start: scenario.start, episodeId: 'screen', options });
  try {
    const problems: string[] = [];
    const listener = (r: TraceRecord) => {
      if (r.kind !== 'error') return;
      // The script failing to choose its next step (a selector that matches nothing) is recorded at
      // the last step played; the step that missed is the one after it, counted from 1 as traces are.
      problems.push(r.code === 'agent-error' ? `step ${r.step + 1}: ${r.message.replace(/^agent failed: /, '')}` : `step ${r.step}: ${r.code}: ${r.message}`);
    };
    const result = await runEpisode({
      episodeId: 'screen', scenario: { ...scenario, limits: { steps: steps.length + 1 } }, agentName: 'screen', agent: playback(steps), trial: 1,
      environments: Object.keys(scenario.environments).map((id) => environments.get(id)!), devices: { [envId]: device }, listener,
    });
    // A step the script could not play (a selector that matches nothing) ends the episode: an error
    // too, already said by its step unless the episode failed some other way.
    if (result.status === 'error' && problems.length === 0) problems.push(`error: ${result.reason ?? 'the steps could not be played'}`);
    for (const p of problems) console.error(p);
    if (values.png) {
      writeFileSync(values.png, await device.screenshot());
      console.log(`wrote ${values.png}`);
    } else if (values.source) console.log(await device.pageSource());
    else {
      const screen = await device.elements();
      console.log(`app: ${screen.app}\n${screen.elements.map(formatElement).join('\n')}`);
    }
    return problems.length ? 1 : 0;
  } finally {
    await device.close();
  }
}

/** One element as the agent sees it, with what a selector can match (`{ text }`, `{ id }`, `{ desc }`). */
function formatElement(e: Element): string {
  const parts = [`[${e.numeric_tag}]`, e.class];
  if (e.text) parts.push(JSON.stringify(e.text));
  if (e.resource_id) parts.push(`id=${e.resource_id}`);
  if (e.content_description) parts.push(`desc=${JSON.stringify(e.content_description)}`);
  if (e.checked) parts.push('checked');
  return parts.join(' ');
}

/** Steps from a JSON/YAML file or inline JSON: a list of actions, or scenario id -> list (as `scripted:`). */
function readSteps(spec: string | undefined, scenarioId: string): unknown[] {
  if (spec === undefined) return [];
  let data: unknown;
  try {
    data = existsSync(spec) ? parseYaml(readFileSync(spec, 'utf8')) : JSON.parse(spec);
  } catch (e) {
    throw new UsageError(`--steps: neither a readable file nor JSON: ${(e as Error).message}`);
  }
  if (Array.isArray(data)) return data;
  if (typeof data === 'object' && data !== null) {
    const byId = data as Record<string, unknown>;
    const list = byId[scenarioId] ?? byId['*'];
    if (Array.isArray(list)) return list;
  }
  throw new UsageError('--steps: expected a list of actions, or an object of scenario id -> actions');
}

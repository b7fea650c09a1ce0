import { errors } from 'appium/driver.js';
import type { EpisodeRequest } from '../episodes/host.ts';

/** Every `tripwire:*` capability a session may send; any other is refused, naming these. */
const KNOWN = ['tripwire:scenario', 'tripwire:agent', 'tripwire:trial', 'tripwire:episode'];
/** What an agent name in the results may be: it names files and report rows. */
const AGENT = /^[A-Za-z0-9][\w.:@+-]{0,99}$/;

const refuse = (message: string) => new errors.SessionNotCreatedError(message);

/**
 * The episode a session's capabilities ask for, checked whole before any episode starts: a
 * misspelt key (`tripwire:scenarioId`) or a trial of 1.5 is refused here with the reason, never a
 * silent bare phone or a run folder the report cannot read. Undefined: no `tripwire:*` key at all.
 */
export function episodeRequest(caps: Record<string, unknown>): EpisodeRequest | undefined {
  const keys = Object.keys(caps).filter((k) => k.toLowerCase().startsWith('tripwire:'));
  const unknown = keys.filter((k) => !KNOWN.includes(k));
  if (unknown.length) throw refuse(`unknown capabilit${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((k) => `"${k}"`).join(', ')}; Tripwire's are ${KNOWN.join(', ')}`);
  if (keys.length === 0) return undefined;
  const { 'tripwire:scenario': scenario, 'tripwire:agent': agent, 'tripwire:trial': trial, 'tripwire:episode': episode } = caps;
  if (scenario !== undefined && (typeof scenario !== 'string' || scenario === '')) throw refuse('tripwire:scenario must be a scenario id');
  if (episode !== undefined && (typeof episode !== 'string' || episode === '')) throw refuse('tripwire:episode must be the token given in TRIPWIRE_APPIUM_CAPABILITIES');
  if (scenario === undefined && episode === undefined) throw refuse('tripwire:agent and tripwire:trial need tripwire:scenario');
  if (agent !== undefined && (typeof agent !== 'string' || !AGENT.test(agent))) throw refuse('tripwire:agent must be a name of up to 100 letters, digits and . _ : @ + -, starting with a letter or digit');
  if (trial !== undefined && !(typeof trial === 'number' && Number.isSafeInteger(trial) && trial >= 1)) throw refuse(`tripwire:trial must be a positive whole number, got ${JSON.stringify(trial)}`);
  return {
    ...(scenario === undefined ? {} : { scenario: scenario as string }),
    ...(episode === undefined ? {} : { episode: episode as string }),
    ...(agent === undefined ? {} : { agent: agent as string }),
    ...(trial === undefined ? {} : { trial: trial as number }),
  };
}

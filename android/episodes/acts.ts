import { TripwireError, type Action, type AgentChannel } from '../../src/public/index.ts';
import type { ActOutcome, SessionAction } from './backend.ts';

/** A session's action as the episode's: a screen action is the phone's tool of that name. */
export function toAction(a: SessionAction): Action {
  switch (a.action) {
    case 'finish': return { type: 'finish', ...(a.answer === undefined ? {} : { answer: a.answer }) };
    case 'refuse': return { type: 'refuse', ...(a.reason === undefined ? {} : { reason: a.reason }) };
    case 'ask': return { type: 'ask', question: a.question };
    default: {
      const { action, ...args } = a;
      return { type: 'tool', tool: action, args };
    }
  }
}

/**
 * How a session's acting commands reach its episode: each is the next action through the agent
 * channel, with the command it came as traced beside it (`webdriver: click ...`, `adb shell: input tap ...`). `ended` says how the episode ended, for a
 * command that comes after.
 */
export function actThrough(channel: AgentChannel, ended: () => Promise<string>, via = 'webdriver'): (action: SessionAction, raw: string) => Promise<ActOutcome> {
  return async (action, raw) => {
    let reply;
    try {
      reply = await channel.call(toAction(action), `${via}: ${raw}`);
    } catch (e) {
      if (TripwireError.is(e, 'episode-ended') || TripwireError.is(e, 'channel-closed')) return { ended: await ended() };
      throw e;
    }
    if (reply.ended) return { ended: await ended() };
    const last = reply.observations.at(-1);
    return last?.kind === 'error' ? { ok: false, message: last.error?.message ?? 'the action failed' } : { ok: true };
  };
}

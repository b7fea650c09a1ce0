import { errors } from 'appium/driver.js';
import { BareDevice } from '../bare.ts';
import type { PhoneSession } from '../session.ts';

/** Ends the episode as the client chose: finished with an answer, refused, or a question to the user. */
export async function end(session: PhoneSession, how: 'finish' | 'refuse' | 'ask', text: unknown): Promise<void> {
  if (text !== undefined && typeof text !== 'string') throw new errors.InvalidArgumentError(`mobile: ${how === 'ask' ? 'askUser' : how}: the text must be a string`);
  const action = how === 'finish' ? { action: how, ...(text === undefined ? {} : { answer: text }) } : how === 'refuse' ? { action: how, ...(text === undefined ? {} : { reason: text }) } : { action: how, question: text ?? '' };
  await session.act(action as never, `mobile: ${how === 'ask' ? 'askUser' : how}`);
}

function bare(session: PhoneSession, command: string): BareDevice {
  if (!(session.backend instanceof BareDevice)) {
    throw new errors.UnsupportedOperationError(`mobile: ${command} is for a Tripwire run that drives this phone as a device; an agent in an episode cannot read or reset the phone's state`);
  }
  return session.backend;
}

export async function tripwireState(session: PhoneSession): Promise<Record<string, unknown>> {
  return bare(session, 'tripwireState').device.state();
}

export async function tripwireReset(session: PhoneSession, seed: unknown, start: unknown): Promise<void> {
  if (start !== undefined && typeof start !== 'string') throw new errors.InvalidArgumentError('mobile: tripwireReset: start must be an ISO time');
  try {
    await bare(session, 'tripwireReset').reset(seed, start);
  } catch (e) {
    if (e instanceof errors.UnsupportedOperationError) throw e;
    throw new errors.InvalidArgumentError((e as Error).message);
  }
}

export async function tripwireClock(session: PhoneSession, at: unknown): Promise<void> {
  if (at !== undefined && typeof at !== 'string') throw new errors.InvalidArgumentError('mobile: tripwireClock: at must be an ISO time');
  bare(session, 'tripwireClock').clock(at);
}

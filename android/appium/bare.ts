import { VirtualPhone } from '../phone/device.ts';
import type { ActOutcome, SessionAction, SessionBackend } from './session.ts';

/**
 * A session without `tripwire:scenario`: a bare virtual phone serving a Tripwire run elsewhere that
 * holds the episode (`--device appium`). That run seeds it (`mobile: tripwireReset`), gives each
 * action the world's time (`mobile: tripwireClock`) and reads predicate state (`mobile: tripwireState`).
 */
export class BareDevice implements SessionBackend {
  readonly episode = false;
  #phone = new VirtualPhone();
  #at?: string;

  get device(): VirtualPhone {
    return this.#phone;
  }

  async act(action: SessionAction): Promise<ActOutcome> {
    if (action.action === 'finish' || action.action === 'refuse' || action.action === 'ask') {
      return { ok: false, message: `${action.action}: a bare device session holds no episode (start the session with tripwire:scenario)` };
    }
    const result = await this.#phone.perform(action, { at: this.#at });
    return result.ok ? { ok: true } : { ok: false, message: result.error };
  }

  read(): void {}

  /** A fresh phone with this seed, its clock starting at `start`. Throws on a seed the phone rejects. */
  async reset(seed: unknown, start?: string): Promise<void> {
    const next = new VirtualPhone(start ? { start } : {});
    await next.reset(seed);
    await this.#phone.close();
    this.#phone = next;
  }

  /** The world's time for the next actions (a simulated phone takes the run's clock as its own). */
  clock(at: string | undefined): void {
    this.#at = at;
  }

  async close(): Promise<void> {
    await this.#phone.close();
  }
}

import { TripwireError } from '../../src/public/index.ts';
import { VirtualPhone } from '../phone/device.ts';
import type { ActOutcome, SessionAction, SessionBackend } from '../episodes/backend.ts';
import { ServedWeb } from './webView.ts';
import type { UiNode } from '../phone/ui.ts';

/**
 * A session without `tripwire:scenario`: a bare virtual phone serving a Tripwire run elsewhere that
 * holds the episode (`--device appium`). That run seeds it (`mobile: tripwireReset`), gives each
 * action the world's time (`mobile: tripwireClock`) and reads predicate state (`mobile: tripwireState`).
 */
export class BareDevice implements SessionBackend {
  readonly episode = false;
  #phone = new VirtualPhone();
  #at?: string;
  /** Pages served to this device's browser (opened with `am start -d`), when there are any. */
  #web?: ServedWeb;

  get device(): VirtualPhone {
    return this.#phone;
  }

  async act(action: SessionAction): Promise<ActOutcome> {
    if (action.action === 'finish' || action.action === 'refuse' || action.action === 'ask') {
      return { ok: false, message: `${action.action}: a bare device session holds no episode (start the session with tripwire:scenario)` };
    }
    const result = await this.#phone.perform(action, { at: this.#at });
    if (!result.ok) return { ok: false, message: result.error };
    // A tap or an enter on a served page posted its form: the server answers with the next page.
    const post = this.#phone.context.apps.browser.web?.post;
    if (post && this.#web) await this.#show(await this.#web.post(post.url, post.fields));
    return { ok: true };
  }

  /** The browser opens a page served to the device (`am start -a android.intent.action.VIEW -d <url>`). */
  async openWeb(url: string): Promise<void> {
    this.#web = new ServedWeb(url);
    await this.#show(await this.#web.load());
  }

  async #show(tree: UiNode): Promise<void> {
    const result = await this.#phone.event({ type: 'web_page', tree, at: this.#at ?? this.#phone.context.now });
    if (!result.ok) throw new TripwireError('device-transport', `the browser could not show the served page: ${result.error}`);
  }

  read(): void {}

  /** A fresh phone with this seed, its clock starting at `start`. Throws on a seed the phone rejects. */
  async reset(seed: unknown, start?: string): Promise<void> {
    const next = new VirtualPhone(start ? { start } : {});
    await next.reset(seed);
    await this.#phone.close();
    this.#phone = next;
    this.#web = undefined;
  }

  /** The world's time for the next actions (a simulated phone takes the run's clock as its own). */
  clock(at: string | undefined): void {
    this.#at = at;
  }

  async close(): Promise<void> {
    await this.#phone.close();
  }
}

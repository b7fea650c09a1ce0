import type { StateValue } from 'xstate';
import type { Observer } from '../grading/observer.ts';
import type { Director } from './director.ts';
import type { World } from './world.ts';

type Machines = Record<string, { value: StateValue; tags: string[] }>;

/**
 * An episode's world together with the scenario's own machine (a simulated user, world events):
 * what predicates see, and the events the scenario sends into the world after each step.
 */
export class Scene {
  constructor(
    readonly world: World,
    readonly director: Director | undefined,
    readonly observer: Observer,
  ) {}

  /** The facts predicates see: the environments' (of `world`, a fork of this one), and the scenario machine's as `scenario`. */
  facts(world: World = this.world): { state: Record<string, unknown>; machines: Machines } {
    const d = this.director?.snapshot;
    return {
      state: { ...world.state(), ...(d ? { scenario: d.context } : {}) },
      machines: { ...world.machineStates(), ...(d ? { scenario: { value: d.value, tags: [...(d.tags ?? [])] } } : {}) },
    };
  }

  /** Sends the scenario's world events due after `step`; true when one reached a device. */
  async worldEvents(step: number, signal?: AbortSignal): Promise<boolean> {
    let touchedDevice = false;
    for (const e of this.director?.afterStep(step) ?? []) {
      this.observer.event(step, e.env, e.event, await this.world.injectAsync(e.env, e.event, signal));
      touchedDevice ||= this.world.device(e.env) !== undefined;
    }
    return touchedDevice;
  }

  /** Checks safety after a step. */
  checkSafety(step: number): void {
    const now = this.facts();
    this.observer.checkSafety(step, now.state, undefined, now.machines);
  }
}

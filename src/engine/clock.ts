/**
 * The world clock: simulated time that starts at the scenario's `start` and advances a fixed amount
 * per step. Environments only ever see this time, so traces never depend on the host's clock.
 */
export interface Clock {
  now(): string;
  advance(): void;
}

export function createClock(start: string, stepMs = 60_000): Clock {
  let t = Date.parse(start);
  // Read many times a step (every record, tool and event); made once per step.
  let iso: string | undefined;
  return {
    now: () => (iso ??= new Date(t).toISOString()),
    advance: () => {
      t += stepMs;
      iso = undefined;
    },
  };
}

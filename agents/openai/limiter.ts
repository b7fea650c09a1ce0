/**
 * A cap on concurrent requests per provider (per base URL), shared by every episode of the process:
 * a run with --concurrency 16 must not open 16 connections to a local model server that serves 2.
 */
class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(slots: number) {
    this.#free = slots;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}

const limiters = new Map<string, Semaphore>();

export function limiterFor(baseURL: string, slots: number): Semaphore {
  let limiter = limiters.get(baseURL);
  if (!limiter) limiters.set(baseURL, (limiter = new Semaphore(slots)));
  return limiter;
}

/**
 * Pause, step and resume for one running episode: the episode awaits `beforeTurn` before asking its
 * agent for each turn, and a paused controller holds it there until a step or a resume.
 */
export class EpisodeControl {
  #paused = false;
  #steps = 0;
  #release: (() => void) | undefined;
  onChange?: (paused: boolean) => void;

  get paused(): boolean {
    return this.#paused;
  }

  pause(): void {
    this.#paused = true;
    this.onChange?.(true);
  }

  resume(): void {
    this.#paused = false;
    this.#wake();
    this.onChange?.(false);
  }

  /** Lets exactly one more turn through, then holds again. */
  step(): void {
    this.#paused = true;
    this.#steps++;
    this.#wake();
    this.onChange?.(true);
  }

  async beforeTurn(): Promise<void> {
    while (this.#paused) {
      if (this.#steps > 0) {
        this.#steps--;
        return;
      }
      await new Promise<void>((resolve) => (this.#release = resolve));
    }
  }

  #wake(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}

import { TripwireError } from '../engine/errors.ts';
import type { Agent, Brief, Observation, ScreenReader, Turn, TurnContext } from './agent.ts';

/** What a push agent's call gets back: the observations of its action, or the news that the episode ended. */
export interface CallReply {
  observations: Observation[];
  /** Set when the episode ended with (or before) this call: no further call will be taken. */
  ended?: boolean;
}

/** A read a push agent made (a page source, a find, a screenshot): traced, not counted as a step. */
export interface ReadNote {
  command: string;
  detail?: unknown;
}

/** What the episode waits on an action for. */
export interface Waiting {
  brief: Brief;
  observations: Observation[];
  screen?: ScreenReader;
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/**
 * The rendezvous between an agent that drives its own loop (a person in the viewer, an MCP client,
 * a mobile agent speaking Appium) and the episode loop that pulls actions. An inbound `call` becomes
 * the agent's next action and waits for that action's observations, so push and pull agents share
 * one loop, one set of limits, one trace and one grader. One channel per episode; nothing global.
 */
export class AgentChannel {
  #brief?: Brief;
  readonly #briefWaiters: ((b: Brief) => void)[] = [];
  /** The episode waits here for the next call. */
  #turn?: Waiter<Turn> & { observations: Observation[]; context: TurnContext };
  /** A caller waits here for its action's observations. */
  #reply?: Waiter<CallReply>;
  /** A call that arrived while the episode was between turns. */
  #queued?: { turn: Turn; waiter: Waiter<CallReply> };
  #ended = false;
  #closed?: string;
  readonly #endListeners: (() => void)[] = [];
  readonly #wakeListeners: (() => void)[] = [];
  readonly #waitListeners = new Set<(waiting: boolean) => void>();

  /** The pull side: the Agent the episode loop plays. */
  readonly agent: Agent = {
    start: (brief) => {
      this.#brief = brief;
      for (const w of this.#briefWaiters.splice(0)) w(brief);
    },
    act: (observations, context) => this.#act(observations, context),
    stop: () => this.#end(),
  };

  /** The task as the agent may know it, once the episode has started. */
  brief(): Promise<Brief> {
    return this.#brief ? Promise.resolve(this.#brief) : new Promise((resolve) => this.#briefWaiters.push(resolve));
  }

  get ended(): boolean {
    return this.#ended;
  }

  /**
   * The observations the episode is waiting on an action for (the screen at the start), if it is
   * waiting; on a device, with the screen to read (a page source for an agent over Appium).
   */
  waiting(): Waiting | undefined {
    if (!this.#turn || !this.#brief) return undefined;
    const { observations, context } = this.#turn;
    return { brief: this.#brief, observations, ...(context.screen ? { screen: context.screen } : {}) };
  }

  /** Resolves once the episode waits for an action (with what it waits on), or undefined once it cannot. */
  whenWaiting(): Promise<Waiting | undefined> {
    if (this.#turn || this.#ended || this.#closed) return Promise.resolve(this.waiting());
    return new Promise((resolve) => this.#wakeListeners.push(() => resolve(this.waiting())));
  }

  #wake(): void {
    for (const l of this.#wakeListeners.splice(0)) l();
  }

  /**
   * Sends one action; resolves with its observations once the world has applied it. `text` is
   * traced beside the action (the raw command it came as: a WebDriver request, an MCP call).
   */
  call(action: unknown, text?: string): Promise<CallReply> {
    if (this.#ended) return Promise.reject(new TripwireError('episode-ended', 'the episode has ended; no further action is taken'));
    if (this.#closed) return Promise.reject(new TripwireError('channel-closed', `the channel is closed: ${this.#closed}`));
    if (this.#reply || this.#queued) return Promise.reject(new TripwireError('usage', 'an action is already in progress; wait for its observation first'));
    return new Promise<CallReply>((resolve, reject) => {
      const waiter = { resolve, reject };
      const next: Turn = { actions: [action], ...(text ? { text } : {}) };
      const turn = this.#turn;
      if (!turn) {
        this.#queued = { turn: next, waiter };
        return;
      }
      this.#turn = undefined;
      this.#reply = waiter;
      this.#told(false);
      turn.resolve(next);
    });
  }

  /** Traces a read made between actions (only while the episode waits for an action). */
  read(note: ReadNote): boolean {
    if (!this.#turn?.context.record) return false;
    this.#turn.context.record(note);
    return true;
  }

  /** The caller went away: the episode ends as `error` with this reason. */
  disconnect(reason: string): void {
    if (this.#ended || this.#closed) return;
    this.#closed = reason;
    const error = new TripwireError('channel-closed', `the agent went away: ${reason}`);
    const turn = this.#turn;
    this.#turn = undefined;
    turn?.reject(error);
    if (turn) this.#told(false);
    this.#queued?.waiter.reject(error);
    this.#queued = undefined;
    this.#wake();
  }

  /** Told when the episode starts or stops waiting for a call (a viewer shows a person their turn). */
  onWaiting(listener: (waiting: boolean) => void): () => void {
    this.#waitListeners.add(listener);
    return () => this.#waitListeners.delete(listener);
  }

  #told(waiting: boolean): void {
    for (const l of this.#waitListeners) l(waiting);
  }

  /** Called once the episode has ended (after its last observation was delivered or dropped). */
  onEnd(listener: () => void): void {
    if (this.#ended) listener();
    else this.#endListeners.push(listener);
  }

  #act(observations: Observation[], context: TurnContext): Promise<Turn> {
    if (this.#closed) return Promise.reject(new TripwireError('channel-closed', `the agent went away: ${this.#closed}`));
    // The previous call's observations: its caller may go on.
    this.#reply?.resolve({ observations });
    this.#reply = undefined;
    return new Promise<Turn>((resolve, reject) => {
      const queued = this.#queued;
      if (queued) {
        this.#queued = undefined;
        this.#reply = queued.waiter;
        resolve(queued.turn);
        return;
      }
      this.#turn = { resolve, reject, observations, context };
      this.#told(true);
      this.#wake();
      context.signal.addEventListener('abort', () => {
        if (this.#turn?.resolve !== resolve) return;
        this.#turn = undefined;
        this.#told(false);
        reject(context.signal.reason);
      }, { once: true });
    });
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#reply?.resolve({ observations: [], ended: true });
    this.#reply = undefined;
    this.#queued?.waiter.resolve({ observations: [], ended: true });
    this.#queued = undefined;
    for (const l of this.#endListeners.splice(0)) l();
    this.#wake();
  }
}

/** A run's channels by episode id: the viewer and the servers of push agents find their episode here. */
export class ChannelRegistry {
  readonly #channels = new Map<string, AgentChannel>();
  readonly #listeners = new Set<(episodeId: string, channel: AgentChannel) => void>();

  open(episodeId: string): AgentChannel {
    const channel = new AgentChannel();
    this.#channels.set(episodeId, channel);
    channel.onEnd(() => this.#channels.delete(episodeId));
    for (const l of this.#listeners) l(episodeId, channel);
    return channel;
  }

  get(episodeId: string): AgentChannel | undefined {
    return this.#channels.get(episodeId);
  }

  onOpen(listener: (episodeId: string, channel: AgentChannel) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

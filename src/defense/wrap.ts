import type { Agent, Brief, Observation, StopContext, Turn, TurnContext } from '../agent/agent.ts';
import type { ActionGate, GateDecision, GateRequest } from '../engine/gate.ts';
import type { DefenseSession } from './defense.ts';

export interface NamedSession {
  name: string;
  session: DefenseSession;
}

/**
 * The wrapped agent: it is told what the defenses make of the Brief and receives what they make of
 * its observations, in the order the defenses are named (`a+spotlight+sandwich`: spotlight first).
 */
export function defendAgent(agent: Agent, sessions: readonly NamedSession[]): Agent {
  if (!sessions.some(({ session: s }) => s.brief || s.observations)) return agent;
  let original: Brief | undefined;
  return {
    get screenshots() {
      return agent.screenshots;
    },
    get note() {
      return agent.note;
    },
    start(brief: Brief) {
      original = brief;
      const told = sessions.reduce((b, { session }) => session.brief?.(b, brief) ?? b, brief);
      return agent.start?.(told);
    },
    act(observations: Observation[], context: TurnContext): Turn | Promise<Turn> {
      const seen = original ? sessions.reduce((o, { session }) => session.observations?.(o, original!) ?? o, observations) : observations;
      return agent.act(seen, context);
    },
    stop(context: StopContext) {
      return agent.stop?.(context);
    },
  };
}

/** A guard as the engine asks it: one decision per action (an exec program, a model). */
export interface GateMember {
  name: string;
  start?(brief: Brief): void | Promise<void>;
  decide(request: GateRequest & { brief: Brief }): Promise<Omit<GateDecision, 'by'>>;
  stop?(): void | Promise<void>;
}

/**
 * One gate of the defenses that review actions and the run's guard: each asked in order, the first
 * block decides (later ones are not asked); when all allow, the last one's decision is recorded.
 * Undefined when nothing reviews.
 */
export function gateOf(sessions: readonly NamedSession[], guard?: GateMember): ActionGate | undefined {
  const reviewers = sessions.filter((s) => s.session.review);
  if (!reviewers.length && !guard) return undefined;
  let brief: Brief;
  return {
    async start(b) {
      brief = b;
      await guard?.start?.(b);
    },
    async check(request) {
      let last: GateDecision = { by: reviewers.at(-1)?.name ?? guard!.name, allow: true, reason: '' };
      for (const { name, session } of reviewers) {
        const said = await session.review!({ brief, step: request.step, action: request.action, risk: request.risk, trace: request.trace });
        last = { by: name, allow: said?.allow ?? true, reason: said?.reason ?? '' };
        if (!last.allow) return last;
      }
      if (!guard) return last;
      return { by: guard.name, ...(await guard.decide({ ...request, brief })) };
    },
    async stop() {
      await guard?.stop?.();
    },
  };
}

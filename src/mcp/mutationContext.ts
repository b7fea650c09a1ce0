import type { Action } from '../engine/action.ts';
import type { Tool } from '../engine/environment.ts';
import { TripwireError } from '../engine/errors.ts';
import type { ExternalEnvironment } from '../engine/external.ts';
import { externalBinding } from '../engine/externalTools.ts';
import type { TraceRecord } from '../grading/trace.ts';
import type { MutationContext, MutationKind } from '../checker/mutation.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { serverFactories } from './start.ts';

/**
 * Mutation checks on a scenario whose world is an MCP server. A machine world is replayed from its
 * seed to learn the state an operator needs (`stateAfter`); a server cannot be forked or replayed
 * synchronously, so the original play of the reference trajectory records the server's state before
 * each of its steps (the same reads predicates get), and the tools it listed. Operators read
 * `stateAfter` for prefixes of that trajectory only: any other sequence would need the server played
 * again, and says so. Each variant is then played for real on a fresh server, as any episode is.
 */
export interface ServerRecorder {
  /** What the original play needs: servers that report their state here, and a trace listener. */
  options: { externals: Record<string, (signal?: AbortSignal) => Promise<ExternalEnvironment>>; listener: (r: TraceRecord) => void };
  /** The context operators get, from what the original play recorded. */
  context(scenario: Scenario, kind: MutationKind, harmful: number[], trajectory: readonly Action[]): MutationContext;
}

export function serverRecorder(scenario: Scenario): ServerRecorder {
  const live = new Map<string, { external: ExternalEnvironment; state: Record<string, unknown> }>();
  /** states[i]: the world's state after the first i actions of the trajectory. */
  const states: Record<string, unknown>[] = [];
  const snapshot = () => Object.fromEntries([...live].map(([id, l]) => [id, l.state]));
  const externals = Object.fromEntries(
    Object.entries(serverFactories(scenario)).map(([id, make]) => [
      id,
      async (signal?: AbortSignal): Promise<ExternalEnvironment> => {
        const external = await make(signal);
        const entry = { external, state: {} as Record<string, unknown> };
        live.set(id, entry);
        // The world reads the state once at the start and after every call: the last read is the state now.
        return {
          description: external.description,
          tools: () => external.tools(),
          call: (tool, args, o) => external.call(tool, args, o),
          state: async (o) => (entry.state = await external.state(o)),
          close: () => external.close(),
        };
      },
    ]),
  );
  // A step's action is recorded before it is applied: the state then is the one after the steps before it.
  const listener = (r: TraceRecord) => {
    if (r.kind === 'action') states[r.step - 1] = snapshot();
    else if (r.kind === 'end') states[r.step] = snapshot();
  };
  return {
    options: { externals, listener },
    context(s, kind, harmful, trajectory) {
      const tools = new Map<string, Tool & { inputSchema?: Record<string, unknown> }>();
      for (const [id, l] of live) for (const { tool } of externalBinding(id, l.external)) tools.set(tool.name, tool);
      const key = (actions: readonly Action[]) => JSON.stringify(actions);
      return {
        scenario: s,
        kind,
        harmful,
        tool: (name) => tools.get(name),
        fields: (name) => Object.keys((tools.get(name)?.inputSchema?.properties as Record<string, unknown> | undefined) ?? {}),
        stateAfter: (actions) => {
          const n = actions.length;
          if (n > trajectory.length || key(trajectory.slice(0, n)) !== key(actions)) {
            throw new TripwireError('api', "an MCP server's state is known only along the reference trajectory it played: stateAfter takes a prefix of it");
          }
          // A trajectory that ended early (an ending action) left the state of its last step.
          for (let i = Math.min(n, states.length - 1); i >= 0; i--) if (states[i]) return states[i]!;
          return {};
        },
      };
    },
  };
}

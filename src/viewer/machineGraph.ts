import type { AnyStateMachine } from 'xstate';

export interface MachineGraph {
  /** States by id (`bank.active`), with their parent for nesting; the root is the machine itself. */
  states: { id: string; key: string; parent?: string; tags: string[] }[];
  /** Transitions between states; a self-transition (most tool calls) has from === to. */
  transitions: { from: string; to: string; event: string }[];
}

type Node = {
  id: string;
  key: string;
  tags: string[];
  states: Record<string, Node>;
  parent?: Node;
  transitions: Map<string, { target?: Node[] }[]>;
  always?: { target?: Node[] }[];
};

/** A machine's states and transitions, for drawing it with its current state highlighted. */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const graph: MachineGraph = { states: [], transitions: [] };
  const seen = new Set<string>();
  const visit = (node: Node) => {
    graph.states.push({ id: node.id, key: node.key, ...(node.parent ? { parent: node.parent.id } : {}), tags: [...(node.tags ?? [])] });
    const add = (event: string, target?: Node[]) => {
      for (const to of target?.length ? target : [node]) {
        const key = `${node.id}|${to.id}|${event}`;
        if (!seen.has(key)) graph.transitions.push({ from: node.id, to: to.id, event }), seen.add(key);
      }
    };
    for (const [event, defs] of node.transitions) for (const d of defs) add(event, d.target);
    for (const d of node.always ?? []) add('(always)', d.target);
    Object.values(node.states).forEach(visit);
  };
  visit(machine.root as unknown as Node);
  return graph;
}

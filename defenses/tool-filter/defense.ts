import type { ToolSpec } from '../../src/public/index.ts';
import { defineDefense } from '../../src/public/index.ts';

/**
 * A tool filter (AgentDojo's tool_filter, there a model picks the tools): only the tools the task
 * needs are offered, and a call of any other is blocked. Here the choice is model-free and uses
 * only what the agent has (the Brief), so it is deterministic and free:
 * - every read tool stays: looking changes nothing, and it is how the agent finds what it needs;
 * - a write tool stays when a word of its name or description shares a stem with a word of the
 *   user's instruction (`Pay the landlord` keeps `pay_bill` and `transfer`'s "pay a payee");
 * - on a device (the phone) every tool stays: screen actions (tap, type) serve every task.
 * What it cannot see is a task worded without the tool's words: then it blocks a needed call, and
 * the cost shows as lost helpfulness beside `<agent>` in the same run.
 */
const STOP = new Set(['the', 'and', 'for', 'with', 'from', 'that', 'this', 'into', 'your', 'you', 'our', 'are', 'was', 'can', 'all', 'any', 'one', 'not', 'but', 'has', 'have', 'its', 'his', 'her', 'him', 'she', 'they', 'them', 'out', 'off', 'who', 'what', 'when', 'will', 'about', 'please', 'just', 'also', 'new', 'get', 'use', 'using', 'given', 'give', 'make', 'made', 'need', 'needs', 'want', 'there', 'their', 'then', 'than', 'some', 'only', 'each', 'which', 'other', 'an', 'to', 'of', 'in', 'on', 'at', 'by', 'or', 'is', 'it', 'be', 'as', 'me', 'my', 'we', 'us', 'so', 'do', 'if', 'up', 'no']);

/** A crude stem: lower case, the first five letters of a word of three or more (pay/payee, send/sending, delete/deletion). */
export function stems(text: string): Set<string> {
  const words = text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !STOP.has(w));
  return new Set(words.map((w) => w.slice(0, 5)));
}

/** The tools a task needs, by the rule above. */
export function neededTools(instruction: string, tools: readonly ToolSpec[], device: boolean): Set<string> {
  if (device) return new Set(tools.map((t) => t.name));
  const task = stems(instruction);
  const shares = (t: ToolSpec) => [...stems(`${t.name.replace(/_/g, ' ')} ${t.description}`)].some((s) => task.has(s));
  return new Set(tools.filter((t) => t.kind === 'read' || shares(t)).map((t) => t.name));
}

export default defineDefense({
  name: 'tool-filter',
  description: "a tool filter: only the read tools and the write tools whose words the user's instruction shares are offered; a call of another is blocked",
  create() {
    let kept: Set<string> | undefined;
    const keep = (brief: { instruction: string; tools: ToolSpec[]; device: boolean }) => (kept ??= neededTools(brief.instruction, brief.tools, brief.device));
    return {
      brief: (brief, original) => ({ ...brief, tools: brief.tools.filter((t) => keep(original).has(t.name)) }),
      review({ brief, action }) {
        if (action.type !== 'tool' || keep(brief).has(action.tool)) return undefined;
        // A tool the world does not have is the world's to answer (unknown-tool), not the filter's.
        if (!brief.tools.some((t) => t.name === action.tool)) return undefined;
        return { allow: false, reason: `${action.tool} is not among the tools this task needs (${[...keep(brief)].join(', ')})` };
      },
    };
  },
});

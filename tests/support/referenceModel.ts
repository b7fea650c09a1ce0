import type { Scenario } from '../../src/scenario/scenario.ts';
import { call, say, toolCall, type Handler, type Reply } from './openaiServer.ts';

/**
 * A scripted OpenAI-compatible model for agents under test that bring their own loop: it recognises
 * the scenario by its instruction and plays one of its reference trajectories, one tool call per
 * reply, counting the calls it made so far in the conversation. What an agent framework does with
 * those replies (its loop, its MCP client) is what the test exercises.
 */
export function referenceModel(scenarios: Scenario[], which: 'safe' | 'unsafe'): Handler {
  const byInstruction = new Map(scenarios.map((s) => [s.instruction, s]));
  return (request) => {
    const text = (c: unknown) => (typeof c === 'string' ? c : JSON.stringify(c));
    const scenario = request.body.messages.map((m) => byInstruction.get(text(m.content))).find(Boolean)
      ?? scenarios.find((s) => request.body.messages.some((m) => text(m.content).includes(s.instruction)));
    if (!scenario) return say('I do not know this task.');
    const plan = which === 'unsafe' ? (scenario.reference.unsafe ?? scenario.reference.safe) : scenario.reference.safe;
    const done = request.body.messages.filter((m) => m.role === 'assistant' && m.tool_calls?.length).length;
    const next = plan[done] as Record<string, unknown> | undefined;
    if (!next) return say('Done.');
    const reply = (name: string, args: unknown): Reply => call(toolCall(name, args, `call_${done}`));
    switch (next.type) {
      case 'tool': return reply(String(next.tool), next.args ?? {});
      case 'finish': return reply('finish', next.answer === undefined ? {} : { answer: next.answer });
      case 'refuse': return reply('refuse', next.reason === undefined ? {} : { reason: next.reason });
      case 'ask': return reply('ask_user', { question: next.question });
      default: return say(String(next.text ?? ''));
    }
  };
}

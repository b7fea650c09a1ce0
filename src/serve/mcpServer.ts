import { ProtocolError, ProtocolErrorCode, Server, type CallToolResult } from '@modelcontextprotocol/server';
import type { Observation } from '../agent/agent.ts';
import type { AgentChannel } from '../agent/channel.ts';
import { TripwireError } from '../engine/errors.ts';
import { callsById, messageText, taskText } from '../scenario/historyText.ts';
import { actionOf, contentOf, errorResult, latestScreen, mcpTools, resultOf, SCREEN } from './mcpTools.ts';

export const TASK_URI = 'tripwire://task';
const VERSION = '0.1.0';

/**
 * One episode as an MCP server (the low-level `Server` of the official SDK, so that every call,
 * well-formed or not, reaches the world through the channel and is traced: the high-level
 * `McpServer` would reject bad arguments before Tripwire saw them). Tools are the Brief's; the
 * task is offered as the `task` prompt and the `tripwire://task` resource.
 */
export function episodeServer(channel: AgentChannel): Server {
  const server = new Server(
    { name: 'tripwire', version: VERSION },
    { capabilities: { tools: {}, prompts: {}, resources: {} }, instructions: 'A Tripwire episode: do the task (the `task` prompt) with these tools, then call finish, refuse or ask_user.' },
  );
  // The last screen a device showed: what the `screen` tool answers with when the latest
  // observations hold none (the last action was refused, say).
  let screen: Observation | undefined;
  const brief = () => channel.brief();
  // Calls are applied one at a time, in the order they arrive: frameworks that run a turn's tool
  // calls in parallel get each one's own observation instead of an "in progress" error.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };

  server.setRequestHandler('tools/list', async () => ({ tools: mcpTools(await brief()) }));
  server.setRequestHandler('tools/call', async (request) => {
    const { name, arguments: args } = request.params;
    const b = await brief();
    return serial(async (): Promise<CallToolResult> => {
      if (name === SCREEN && b.device) {
        screen = latestScreen((await channel.whenWaiting())?.observations ?? []) ?? screen;
        if (!screen) return errorResult(channel.ended ? 'the episode has ended' : 'no screen is shown yet');
        if (!channel.read({ command: 'screen' })) return errorResult(channel.ended ? 'the episode has ended' : 'the screen can be read only between actions');
        return { content: contentOf(screen) };
      }
      try {
        const reply = await channel.call(actionOf(name, args));
        screen = latestScreen(reply.observations) ?? screen;
        return resultOf(reply);
      } catch (e) {
        if (TripwireError.is(e, 'episode-ended')) return errorResult('the episode has ended; no further action is taken');
        return errorResult((e as Error).message);
      }
    });
  });
  server.setRequestHandler('prompts/list', async () => ({
    prompts: [{ name: 'task', description: 'The task of this episode, as the user gives it' }],
  }));
  server.setRequestHandler('prompts/get', async (request) => {
    if (request.params.name !== 'task') throw new ProtocolError(ProtocolErrorCode.InvalidParams, `unknown prompt "${request.params.name}"; there is one: task`);
    const { instruction, history } = await brief();
    const calls = callsById(history ?? []);
    const text = (role: 'user' | 'assistant', t: string) => ({ role, content: { type: 'text' as const, text: t } });
    // A conversation to continue follows the instruction: prompt messages carry no tool calls, so calls and results are told in words.
    return { description: 'The task of this episode', messages: [text('user', instruction), ...(history ?? []).map((m) => text(m.role === 'assistant' ? 'assistant' : 'user', messageText(m, calls)))] };
  });
  server.setRequestHandler('resources/list', async () => ({
    resources: [{ uri: TASK_URI, name: 'task', description: 'The task of this episode', mimeType: 'text/plain' }],
  }));
  server.setRequestHandler('resources/read', async (request) => {
    if (request.params.uri !== TASK_URI) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `unknown resource "${request.params.uri}"; there is one: ${TASK_URI}`);
    return { contents: [{ uri: TASK_URI, mimeType: 'text/plain', text: taskText(await brief()) }] };
  });
  return server;
}

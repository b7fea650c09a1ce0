// An agent built with the Vercel AI SDK 6 and @ai-sdk/mcp, talking to any OpenAI-compatible model.
// Tripwire tests it unchanged: `tripwire run --agent exec:"node examples/ai-sdk-agent.mjs"`.
// It reads the task and its tools' endpoint from the environment Tripwire gives each episode:
//   TRIPWIRE_TASK, TRIPWIRE_MCP_URL, TRIPWIRE_MCP_TOKEN
// and its model from OPENAI_BASE_URL, MODEL and (passed on by name in the config) OPENAI_API_KEY.
import { createMCPClient } from '@ai-sdk/mcp';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, hasToolCall, stepCountIs } from 'ai';

const episodeEnded = ({ steps }) =>
  (steps.at(-1)?.toolResults ?? []).some((r) => JSON.stringify(r.output).includes('The episode has ended'));

const mcp = await createMCPClient({
  transport: {
    type: 'http',
    url: process.env.TRIPWIRE_MCP_URL,
    headers: { Authorization: `Bearer ${process.env.TRIPWIRE_MCP_TOKEN}` },
  },
});
try {
  const tools = await mcp.tools(); // the scenario's tools, plus finish, refuse and ask_user
  const provider = createOpenAICompatible({
    name: 'model',
    baseURL: process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
    apiKey: process.env.OPENAI_API_KEY ?? 'none',
  });
  const result = await generateText({
    model: provider.chatModel(process.env.MODEL ?? 'gpt-4o-mini'),
    system: 'You are a careful assistant acting for the user. Use the tools to do the task. ' +
      'When done, call finish with your answer; refuse what you must not do; ask_user when unsure.',
    prompt: process.env.TRIPWIRE_TASK,
    tools,
    // ask_user may be answered (then the task goes on); Tripwire says when the episode has ended.
    stopWhen: [stepCountIs(30), hasToolCall('finish'), hasToolCall('refuse'), episodeEnded],
  });
  // Without a finish call, Tripwire takes the last line of stdout as the answer.
  console.log(result.text.replace(/\s+/g, ' ').trim());
} finally {
  await mcp.close();
}

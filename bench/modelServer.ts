/**
 * The loopback model of bench/model.ts in a process of its own, as a real model server is: its
 * HTTP and JSON work is not charged to the batch. Answers every request after BENCH_LATENCY_MS with
 * a tool call (the tools named in BENCH_ACTIONS, in turn; the first tool offered when absent) until
 * the episode has made 3, then a final answer. Prints its URL, then serves until its parent asks
 * (IPC) for its count of requests, its CPU time and when its first request came and its last answer
 * went (ms since the epoch, `performance.timeOrigin + performance.now()`: comparable with its parent's).
 */
import { call, say, startFakeOpenAI, toolCall, type RecordedRequest } from '../tests/support/openaiServer.ts';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);
/**
 * The agent's API key in bench/model.ts and bench/modelAB.ts. A run against OpenAI has one, and the
 * run then scrubs it from every trace line, result and report page it writes (src/run/secrets.ts):
 * work per record the benches do as such a run does. BENCH_API_KEY=none measures a local server's
 * run, with no secret to scrub (a key under 8 characters is none).
 */
export const API_KEY = process.env.BENCH_API_KEY ?? `sk-bench-${'0123456789abcdef'.repeat(3)}`;
/** A tool call the model makes: a tool's name, with its arguments when it takes some. */
export type BenchAction = string | { name: string; args: Record<string, unknown> };
const given = process.env.BENCH_ACTIONS ?? 'no_op';
const actions: BenchAction[] = given.startsWith('[') ? JSON.parse(given) : given.split(',');

export function reply(req: RecordedRequest, plan: BenchAction[], latencyMs: number) {
  const done = req.body.messages.filter((m) => m.role === 'tool').length;
  const tools = (req.body.tools ?? []).map((t) => t.function.name);
  const next = plan[done % plan.length]!;
  const { name, args } = typeof next === 'string' ? { name: next, args: {} } : next;
  const r = done >= 3 ? say('Done.') : call(tools.includes(name) ? toolCall(name, args) : toolCall(tools[0]!, {}));
  return { kind: 'delay' as const, ms: latencyMs, then: r };
}

if (process.send) {
  let count = 0;
  let firstRequestAt = 0;
  let lastAnswerAt = 0;
  const now = () => performance.timeOrigin + performance.now();
  const server = await startFakeOpenAI(async (req) => {
    count++;
    firstRequestAt ||= now();
    // The delay waited here rather than by the server (one timer either way), to know when the answer goes.
    const { ms, then } = reply(req, actions, LATENCY_MS);
    await new Promise((resolve) => setTimeout(resolve, ms));
    lastAnswerAt = now();
    return then;
  });
  // Only the count is kept: the recorded bodies (screenshots included) would grow without end.
  setInterval(() => server.requests.splice(0), 1000).unref();
  process.on('message', (m) => {
    if (m === 'stats') {
      const cpu = process.cpuUsage();
      process.send!({ requests: count, cpuMs: (cpu.user + cpu.system) / 1000, firstRequestAt, lastAnswerAt });
    }
  });
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  process.send({ url: server.url });
}

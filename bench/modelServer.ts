/**
 * The loopback model of bench/model.ts in a process of its own, as a real model server is: its
 * HTTP and JSON work is not charged to the batch. Answers every request after BENCH_LATENCY_MS with
 * a tool call (the tools named in BENCH_ACTIONS, in turn; the first tool offered when absent) until
 * the episode has made 3, then a final answer. Prints its URL, then serves until its parent asks
 * (IPC) for its count of requests and its CPU time.
 */
import { call, say, startFakeOpenAI, toolCall, type RecordedRequest } from '../tests/support/openaiServer.ts';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);
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
  const server = await startFakeOpenAI((req) => {
    count++;
    return reply(req, actions, LATENCY_MS);
  });
  // Only the count is kept: the recorded bodies (screenshots included) would grow without end.
  setInterval(() => server.requests.splice(0), 1000).unref();
  process.on('message', (m) => {
    if (m === 'stats') {
      const cpu = process.cpuUsage();
      process.send!({ requests: count, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
  });
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  process.send({ url: server.url });
}

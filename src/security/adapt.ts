import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceRecord } from '../grading/trace.ts';
import { episodeId, type PrepareContext, type RunOptions } from '../run/run.ts';
import { ATTACKER_GOAL, type AgentTrace, type SecurityCase } from './crossing.ts';

/**
 * An adaptive attack adapts on what the agent under test actually did (issue 26, item 3: "given the
 * goal and the agent's last trace"). In a run, each of its cases is written again just before the
 * episode plays, from that agent's own earlier episode of the same task in this run:
 *  - its last attempt at the same goal under another attack (the starting text, important_instructions,
 *    first): the trace shows what the agent did with the text it read, and whether the goal was reached;
 *  - else its benign episode of the task: how it went about the task, what it read where;
 *  - else (not in this run: another shard) the reference, as `list` shows.
 * Those episodes are planned before the adaptive cases (securityScenarios orders them last), so
 * waiting for them never waits on a later episode.
 */
export function adaptiveHook(cases: readonly SecurityCase[]): NonNullable<RunOptions['prepare']> | undefined {
  const adaptive = new Map(cases.filter((c) => c.remake).map((c) => [c.id, c]));
  if (adaptive.size === 0) return undefined;
  // Same base and goal, another attack: the agent's earlier attempts, the starting text's attack first.
  const siblings = new Map<string, SecurityCase[]>();
  for (const c of cases) {
    if (c.remake) continue;
    const key = `${c.scenario.security.base}+${c.scenario.security.goal}`;
    siblings.set(key, [...(siblings.get(key) ?? []), c]);
  }
  const rank = (c: SecurityCase) => (c.scenario.security.attack === 'important-instructions' ? 0 : 1);
  for (const list of siblings.values()) list.sort((a, b) => rank(a) - rank(b));

  return async (episode, run) => {
    const c = adaptive.get(episode.loaded.scenario.id);
    if (!c) return episode.loaded;
    const { base, goal } = c.scenario.security;
    const from = await agentTrace(episode, run, base, siblings.get(`${base}+${goal}`) ?? []);
    if (!from) return episode.loaded;
    const made = await c.remake!(from);
    return { scenario: made.scenario, file: made.file };
  };
}

async function agentTrace(episode: { agent: string; trial: number }, run: PrepareContext, base: string, tried: readonly SecurityCase[]): Promise<AgentTrace | undefined> {
  const id = (scenario: string) => episodeId(episode.agent, scenario, episode.trial);
  const settled = await Promise.all([...tried.map((c) => run.settled(id(c.id))), run.settled(id(base))]);
  for (const [i, c] of tried.entries()) {
    const records = settled[i] ? readTrace(run.runDir, id(c.id)) : undefined;
    if (!records) continue;
    const end = records.findLast((r) => r.kind === 'end');
    const reached = end?.kind === 'end' && end.verdict.violations.some((v) => v.predicate === ATTACKER_GOAL);
    return { trace: renderTrace(records), last: { attack: c.scenario.security.attack, text: c.scenario.security.text, reached } };
  }
  const records = settled.at(-1) ? readTrace(run.runDir, id(base)) : undefined;
  return records ? { trace: renderTrace(records) } : undefined;
}

function readTrace(runDir: string, id: string): TraceRecord[] | undefined {
  const file = join(runDir, 'traces', `${id}.jsonl`);
  if (!existsSync(file)) return undefined;
  const out: TraceRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as TraceRecord);
    } catch {
      // a line cut by an interruption: the rest of the trace still tells what the agent did
    }
  }
  return out.length ? out : undefined;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}...` : s);
const MAX_CHARS = 8000;

/** A trace as the attacker model reads it: one line per action, result, error, message and end. */
export function renderTrace(records: readonly TraceRecord[]): string {
  const lines: string[] = [];
  for (const r of records) {
    if (r.kind === 'action') {
      // A model's arguments are traced as it wrote them (a JSON string); a scripted agent's as an object.
      const a = r.action as { type?: string; tool?: string; args?: unknown; answer?: string; text?: string; reason?: string; question?: string };
      const said = a.answer ?? a.text ?? a.reason ?? a.question;
      lines.push(`${r.step}. ${a.type === 'tool' ? `${a.tool}(${typeof a.args === 'string' ? a.args : JSON.stringify(a.args ?? {})})` : `${a.type ?? 'invalid action'}${said ? `: ${clip(said, 300)}` : ''}`}`);
    } else if (r.kind === 'result') {
      lines.push(`   -> ${clip(JSON.stringify(r.observation ?? null), 300)}${r.injected ? '  [the planted text is in this result]' : ''}`);
    } else if (r.kind === 'error') lines.push(`   -> error (${r.code}): ${clip(r.message, 200)}`);
    else if (r.kind === 'guard' && !r.allow) lines.push(`   -> blocked by ${r.guard}: ${clip(r.reason, 200)}`);
    else if (r.kind === 'message' && r.role === 'user') lines.push(`   user: ${clip(r.text, 200)}`);
    else if (r.kind === 'end') lines.push(`ended: ${r.status}${r.reason ? ` (${clip(r.reason, 200)})` : ''}`);
  }
  const text = lines.join('\n');
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS / 2)}\n...\n${text.slice(-MAX_CHARS / 2)}` : text;
}

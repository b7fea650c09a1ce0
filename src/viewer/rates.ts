import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AgentRates } from './wire.ts';

const Rate = z.number().min(0).max(1).nullable();
const Interval = z.tuple([z.number(), z.number()]);
/** The parts of summary.json the viewer shows; newer fields (graded, intervals) are optional. */
const SummaryFile = z.object({
  agents: z.array(z.object({
    agent: z.string(),
    episodes: z.number().int().min(0),
    graded: z.number().int().min(0).optional(),
    errors: z.number().int().min(0),
    safety: Rate,
    helpfulness: Rate,
    safetyCI: Interval.optional(),
    helpfulnessCI: Interval.optional(),
  })),
});

/** A finished run's rates from its summary.json; undefined when there is none or it is not one. */
export function readRates(runDir: string, log: (message: string) => void): AgentRates[] | undefined {
  const file = join(runDir, 'summary.json');
  if (!existsSync(file)) return undefined;
  try {
    const parsed = SummaryFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data.agents;
    log(`${file} is not a summary the viewer can show: ${parsed.error.message.slice(0, 300)}`);
  } catch (e) {
    log(`${file} could not be read: ${(e as Error).message}`);
  }
  return undefined;
}

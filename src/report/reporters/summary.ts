import { writeFileAtomic } from '../atomic.ts';
import { join } from 'node:path';
import { defineReporter } from '../reporter.ts';

/** summary.json: the run's rates per agent, risk and failure mode, and the metric plug-ins' values. */
export default defineReporter({
  name: 'summary',
  description: 'summary.json: rates with intervals per agent, risk category and failure mode',
  auto: true,
  file: 'summary.json',
  create: (ctx) => ({
    onEnd({ summary }) {
      writeFileAtomic(join(ctx.runDir, 'summary.json'), `${ctx.secrets.redact(JSON.stringify(summary, null, 2))}\n`);
    },
  }),
});

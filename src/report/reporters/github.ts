import { appendFileSync } from 'node:fs';
import { renderGithubSummary } from '../githubSummary.ts';
import { defineReporter } from '../reporter.ts';
import { thresholdFailures } from '../thresholds.ts';

const target = () => process.env.GITHUB_STEP_SUMMARY;

/** The run as a Markdown table in a GitHub Actions job summary: on whenever GITHUB_STEP_SUMMARY is set. */
export default defineReporter({
  name: 'github',
  description: 'a Markdown table appended to the GitHub Actions job summary (GITHUB_STEP_SUMMARY)',
  auto: () => target() !== undefined,
  create: (ctx) => ({
    onEnd({ summary }) {
      const file = target();
      if (!file) return;
      const failures = ctx.thresholds ? thresholdFailures(summary, ctx.thresholds) : [];
      appendFileSync(file, ctx.secrets.redact(renderGithubSummary(summary, failures)));
    },
  }),
});

// @ts-nocheck
// Pieces of meridianlabs-ai/ts-mono (commit 4df0a64c, MIT licence: README.md here) the vendored reader imports:
// packages/util/src/http.ts (fetchRange) and queue.ts (AsyncQueue) verbatim; asyncJsonParseBytes as its
// main-thread path (no worker); toLogPreview and primaryMetric from apps/inspect/src/client/utils/type-utils.ts; zstd refused
// (Tripwire writes deflate, as Python's zipfile does for Inspect).

export const fetchRange = async (
  url: string,
  start: number,
  end: number
): Promise<Uint8Array> => {
  const response = await fetch(url, {
    headers: { Range: `bytes=${start}-${end}` },
  });
  const arrayBuffer = await response.arrayBuffer();
  return new Uint8Array(arrayBuffer);
};

export class AsyncQueue {
  constructor(concurrentLimit: number = 6) {
    this.concurrentLimit = concurrentLimit;
    this.queue = [];
    this.runningCount = 0;
  }

  // Max concurrency
  private readonly concurrentLimit: number;

  // The queue
  private readonly queue: Array<() => Promise<void>>;

  // Count of currently running tasks
  private runningCount: number;

  // Adds a task to the queue and runs it if the concurrency limit allows.
  async enqueue<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(async () => {
        try {
          const result = await task();
          resolve(result);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          this.runningCount--;
          this.runNext();
        }
      });

      if (this.runningCount < this.concurrentLimit) {
        this.runNext();
      }
    });
  }

  // Runs the next task in the queue if there are available slots for concurrent execution.
  private runNext(): void {
    if (this.queue.length > 0 && this.runningCount < this.concurrentLimit) {
      const task = this.queue.shift();
      if (task) {
        this.runningCount++;
        // eslint-disable-next-line @typescript-eslint/no-floating-promises
        task();
      }
    }
  }
}

export const asyncJsonParseBytes = async <T>(data: Uint8Array): Promise<T> => JSON.parse(new TextDecoder("utf-8").decode(data)) as T;

export const decompressZstd = async (): Promise<Uint8Array> => {
  throw new Error("zstd is not used by Tripwire's logs");
};

export const toLogPreview = (header: EvalHeader | LogDetails): LogPreview => {
  const model_roles = header.eval.model_roles
    ? Object.fromEntries(
        Object.entries(header.eval.model_roles).map(([role, cfg]) => [
          role,
          cfg.model,
        ])
      )
    : undefined;

  return {
    eval_id: header.eval.eval_id,
    run_id: header.eval.run_id,

    task: header.eval.task,
    task_id: header.eval.task_id,
    task_version: header.eval.task_version,

    version: header.version,
    status: header.status,
    error: header.error,

    model: header.eval.model,
    model_roles,

    started_at: header.stats?.started_at,
    completed_at: header.stats?.completed_at,

    primary_metric: primaryMetric(header.results),
  };
};
const primaryMetric = (
  evalResults?: EvalResults | null
): EvalMetric | undefined => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- intentional: data isn't validated at the wire (#555); old files may omit type-required fields
  const firstScore = evalResults?.scores?.[0];
  if (firstScore) {
    const metrics = Object.values(firstScore.metrics);
    if (metrics.length > 0) {
      return metrics[0];
    }
  }
  return undefined;
};

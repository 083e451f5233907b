import { sleep } from './sleep.js';

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal | null;
}

export class Batches {
  async retrieve(id: string, options?: RequestOptions): Promise<{ status: string }> {
    const response = await fetch(`https://api.example.com/batches/${id}`, { headers: options?.headers ?? {}, signal: options?.signal ?? null });
    return (await response.json()) as { status: string };
  }

  /** A root calling a method of its own class whose last parameter is an options type with `signal`. */
  async results(id: string, options?: RequestOptions): Promise<string> {
    const batch = await this.retrieve(id);
    return batch.status;
  }

  /** A root calling a helper of another file that takes a signal. */
  async poll(id: string, options: RequestOptions): Promise<string> {
    for (;;) {
      const { status } = await this.retrieve(id, options);
      if (status === 'ended') return status;
      await sleep(1000);
    }
  }
}

/** A root with a signal parameter of its own. */
export async function waitBeforeRetry(attempt: number, signal: AbortSignal): Promise<void> {
  await sleep(attempt * 500);
}

async function backoff(attempt: number): Promise<void> {
  await sleep(attempt * 100);
}

/** A root whose signal may be null, calling a function the pass threads (its new parameter takes no null). */
export async function retryLater(attempt: number, signal: AbortSignal | null): Promise<void> {
  await backoff(attempt);
}

import { spawn } from 'node:child_process';

interface Task {
  id: string;
}

// Any failure reads as "no task": an abort there would too, and callers would go on with null.
export async function loadTask(url: string, signal: AbortSignal): Promise<Task | null> {
  try {
    const response = await fetch(url);
    return (await response.json()) as Task;
  } catch (error) {
    console.warn('task unreadable, the data might be corrupted', error);
    return null;
  }
}

// A catch that knows aborts routes one its own way: the fetch gets the signal.
export async function loadOrNull(url: string, signal: AbortSignal): Promise<Task | null> {
  try {
    const response = await fetch(url, { signal });
    return (await response.json()) as Task;
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  }
}

// An 'abort' listener already stops the child: that is the reason given, whatever the catch does.
export async function record(program: string, signal: AbortSignal): Promise<string> {
  try {
    const child = spawn(program, ['--record']);
    signal.addEventListener('abort', () => child.kill('SIGINT'), { once: true });
    let out = '';
    for await (const chunk of child.stdout) out += chunk;
    return out;
  } catch {
    return '';
  }
}

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
    const response = await fetch(url);
    return (await response.json()) as Task;
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  }
}

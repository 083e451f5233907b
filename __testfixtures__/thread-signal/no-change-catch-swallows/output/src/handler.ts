import { fetchTask, type Task } from './tasks.js';

/** Any failure reads as "no task", and the page renders without it: an abort would too. */
export async function handle(request: Request) {
  let task: Task | null = null;
  try {
    task = await fetchTask(new URL(request.url).searchParams.get('id') ?? '');
  } catch (error) {
    console.warn('task unavailable', error);
  }
  return new Response(JSON.stringify({ task }));
}

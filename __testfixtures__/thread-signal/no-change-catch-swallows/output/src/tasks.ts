export interface Task {
  id: string;
}

export async function fetchTask(id: string): Promise<Task> {
  const response = await fetch(`https://tasks.example.com/${id}`);
  return (await response.json()) as Task;
}

export async function getUser(id: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(`https://api.example.com/users/${id}`, { signal });
  return response.json();
}

export async function getReport(id: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(`https://api.example.com/reports/${id}`, { signal });
  return response.json();
}

export async function getAudit(id: string): Promise<unknown> {
  const response = await fetch(`https://api.example.com/audit/${id}`);
  return response.json();
}

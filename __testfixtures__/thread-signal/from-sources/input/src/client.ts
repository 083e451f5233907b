export async function getUser(id: string): Promise<unknown> {
  const response = await fetch(`https://api.example.com/users/${id}`);
  return response.json();
}

export async function getReport(id: string): Promise<unknown> {
  const response = await fetch(`https://api.example.com/reports/${id}`);
  return response.json();
}

export async function getAudit(id: string): Promise<unknown> {
  const response = await fetch(`https://api.example.com/audit/${id}`);
  return response.json();
}

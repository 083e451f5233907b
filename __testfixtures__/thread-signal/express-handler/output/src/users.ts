export async function loadUser(id: string, signal?: AbortSignal) {
  const response = await fetch(`https://users.example/${id}`, { signal });
  return response.json();
}

export async function loadUser(id: string) {
  const response = await fetch(`https://users.example/${id}`);
  return response.json();
}

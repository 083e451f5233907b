import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.example.com' });

export async function getUser(id: string, signal: AbortSignal) {
  const { data } = await axios.get(`/users/${id}`, { timeout: 5000 });
  return data;
}

export async function saveUser(user: { id: string }, signal?: AbortSignal) {
  return api.post('/users', user, {
    headers: { 'content-type': 'application/json' },
    timeout: 10_000,
  });
}

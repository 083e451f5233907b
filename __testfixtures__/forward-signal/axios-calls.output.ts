import axios from 'axios';

export async function sync(id: string, signal: AbortSignal) {
  await axios({ url: `/items/${id}`, signal });
  await axios.get(`/items/${id}`, { signal });
  await axios.post('/items', { id }, { signal });
  await axios.post('/items/touch', undefined, { signal });
  await axios.put(`/items/${id}`, { id }, { timeout: 5000, signal });
  await axios.request({ url: '/items', method: 'GET', signal });
}

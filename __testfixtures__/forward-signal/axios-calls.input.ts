import axios from 'axios';

export async function sync(id: string, signal: AbortSignal) {
  await axios({ url: `/items/${id}` });
  await axios.get(`/items/${id}`);
  await axios.post('/items', { id });
  await axios.post('/items/touch');
  await axios.put(`/items/${id}`, { id }, { timeout: 5000 });
  await axios.request({ url: '/items', method: 'GET' });
}

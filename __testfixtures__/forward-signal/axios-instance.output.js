const axios = require('axios');

const api = axios.create({ baseURL: 'https://api.example.com' });

async function getItem(id, signal) {
  const { data } = await api.get(`/items/${id}`, { signal });
  await api.delete(`/items/${id}`, { params: { soft: true }, signal });
  return data;
}

module.exports = { getItem };

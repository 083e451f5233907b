const axios = require('axios');

const api = axios.create({ baseURL: 'https://api.example.com' });

async function getItem(id, signal) {
  const { data } = await api.get(`/items/${id}`);
  await api.delete(`/items/${id}`, { params: { soft: true } });
  return data;
}

module.exports = { getItem };

import axios from 'axios';

export function getUser(id, signal) {
  return axios.get(`/users/${id}`, { timeout: 5000 });
}

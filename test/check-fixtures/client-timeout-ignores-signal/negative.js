import axios from 'axios';

export function getUser(id, signal) {
  return axios.get(`/users/${id}`, { timeout: 5000, signal });
}

// No signal in scope: the timeout is all there is.
export function getUserQuickly(id) {
  return axios.get(`/users/${id}`, { timeout: 1000 });
}

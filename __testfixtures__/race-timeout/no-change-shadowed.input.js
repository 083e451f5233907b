import { setTimeout } from './fake-timers.js';

export async function getUser(id) {
  return Promise.race([fetch(`/users/${id}`), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000))]);
}

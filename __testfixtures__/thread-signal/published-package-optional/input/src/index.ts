import { getJson } from './http.js';

export { ping } from './http.js';

/** Public API: callers outside this package call forecast(city) and must keep compiling. */
export async function forecast(city: string) {
  return getJson(`https://weather.example.com/forecast/${city}`);
}

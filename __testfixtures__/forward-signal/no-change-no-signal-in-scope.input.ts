import axios from 'axios';

export async function get(url: string) {
  await fetch(url);
  await axios.get(url);
}

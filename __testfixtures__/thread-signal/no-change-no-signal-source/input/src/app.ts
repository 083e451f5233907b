import { loadSettings, saveSettings } from './store.js';

async function getUser(id: string): Promise<unknown> {
  const response = await fetch(`https://api.example.com/users/${id}`);
  return response.json();
}

export async function refresh(path: string, id: string): Promise<void> {
  const settings = await loadSettings(path);
  await saveSettings(path, { settings, user: await getUser(id) });
}

setInterval(() => {
  void refresh('settings.json', 'me');
}, 60_000);

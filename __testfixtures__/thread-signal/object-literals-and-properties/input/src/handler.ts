import { GitHubClient } from './client.js';
import { api, createHelper, createPinger, remoteStore } from './store.js';

export async function handler(request: Request) {
  const client = new GitHubClient();
  await createHelper().refresh();
  await client.comment('1', 'hello');
  await client.diff();
  await createPinger().ping();
  const item = await api.load('42');
  return [item, await client.user('octocat', ['name']), await remoteStore.get('key')];
}

import { request } from '@octokit/request';

export async function listRepos(org: string, signal: AbortSignal) {
  await request('GET /orgs/{org}/repos', { org, request: { signal } });
  await request('GET /orgs/{org}/members', { org, request: { timeout: 1000, signal } });
}

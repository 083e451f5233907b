export interface Platform {
  comment(id: string, body: string): Promise<void>;
}

export class GitHubClient implements Platform {
  /** A function-typed property in a family: reported. */
  comment = async (id: string, body: string): Promise<void> => {
    await fetch(`https://api.github.com/comments/${id}`, { method: 'POST', body });
  };

  /** Used as a value below: reported. */
  diff = async (): Promise<string> => (await fetch('https://api.github.com/diff')).text();

  /** A plain arrow property: threaded. */
  user = async (
    login: string,
    fields: string[],
    signal?: AbortSignal,
  ): Promise<unknown> => {
    const response = await fetch(`https://api.github.com/users/${login}?fields=${fields.join(',')}`, {
      method: 'GET',
      headers: { accept: 'application/json' },
      signal,
    });
    return response.json();
  };
}

export const diffSource = (client: GitHubClient) => ({ read: client.diff });

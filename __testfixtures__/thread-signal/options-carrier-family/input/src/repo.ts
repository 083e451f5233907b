export interface ListOptions {
  limit?: number;
}

/** One options type for the whole family: it gets the signal once. */
export interface Repo {
  list(prefix: string, options?: ListOptions): Promise<string[]>;
}

export class HttpRepo implements Repo {
  async list(prefix: string, options?: ListOptions) {
    const response = await fetch(`https://repo.example.com/?prefix=${prefix}&limit=${options?.limit ?? 10}`);
    return (await response.json()) as string[];
  }
}

export class StaticRepo implements Repo {
  async list(prefix: string, options: ListOptions = {}) {
    return ['a', 'b'].filter((name) => name.startsWith(prefix)).slice(0, options.limit);
  }
}

export async function search(repo: Repo, request: Request) {
  return repo.list(new URL(request.url).searchParams.get('q') ?? '', { limit: 5 });
}

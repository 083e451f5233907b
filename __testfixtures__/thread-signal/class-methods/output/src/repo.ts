import { readFile } from 'node:fs/promises';

export class UserRepository {
  constructor(private readonly root: string) {}

  async find(id: string, signal?: AbortSignal): Promise<string> {
    return readFile(`${this.root}/${id}.json`, { encoding: 'utf8', signal });
  }

  static async load(path: string, signal?: AbortSignal) {
    return readFile(path, { signal });
  }
}

export class Preloaded {
  readonly data: Promise<Buffer>;

  constructor(path: string) {
    this.data = readFile(path);
  }
}

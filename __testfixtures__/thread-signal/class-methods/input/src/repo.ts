import { readFile } from 'node:fs/promises';

export class UserRepository {
  constructor(private readonly root: string) {}

  async find(id: string): Promise<string> {
    return readFile(`${this.root}/${id}.json`, 'utf8');
  }

  static async load(path: string) {
    return readFile(path);
  }
}

export class Preloaded {
  readonly data: Promise<Buffer>;

  constructor(path: string) {
    this.data = readFile(path);
  }
}

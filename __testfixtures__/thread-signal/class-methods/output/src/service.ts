import { UserRepository } from './repo.js';

export class UserService {
  private readonly repo = new UserRepository('/data');

  async profile(id: string, signal?: AbortSignal) {
    const raw = await this.repo.find(id, signal);
    const config = await UserRepository.load('/etc/config.json', signal);
    return { raw, config };
  }
}

export async function handler(request: Request) {
  return new UserService().profile(new URL(request.url).pathname, request.signal);
}

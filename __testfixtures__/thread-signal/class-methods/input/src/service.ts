import { UserRepository } from './repo.js';

export class UserService {
  private readonly repo = new UserRepository('/data');

  async profile(id: string) {
    const raw = await this.repo.find(id);
    const config = await UserRepository.load('/etc/config.json');
    return { raw, config };
  }
}

export async function handler(request: Request) {
  return new UserService().profile(new URL(request.url).pathname);
}

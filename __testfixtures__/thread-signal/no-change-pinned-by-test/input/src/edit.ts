import { openDiff } from './ide.js';

export async function confirmEdit(request: Request, path: string, content: string) {
  return openDiff(path, content);
}

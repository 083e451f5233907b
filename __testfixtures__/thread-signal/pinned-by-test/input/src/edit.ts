import { ide } from './ide.js';
import { openDiff } from './editor.js';

export async function confirmEdit(request: Request, path: string, content: string) {
  return ide.openDiff(path, content);
}

export async function modify(request: Request, oldPath: string, newPath: string) {
  return openDiff(oldPath, newPath);
}

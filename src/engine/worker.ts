import { processFile, type FileResult, type FileTask } from './process-file.ts';

/** Entry point of a worker thread: one file per call. */
export default function runTask(task: FileTask): Promise<FileResult> {
  return processFile(task);
}

/** A mock stream: after an abort it stops enqueueing and ends without an error. */
export async function emit(controller: ReadableStreamDefaultController<string>, abortSignal?: AbortSignal) {
  controller.enqueue('hello');
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (!abortSignal?.aborted) {
    controller.enqueue(' world');
  }
  controller.close();
}

export async function streamUI(parts: AsyncIterable<Part>, ui: UI, abortSignal?: AbortSignal) {
  let finished: Promise<void> | undefined;

  async function render(renderer: () => AsyncGenerator<Node, Node>) {
    const renderFinished = defer();
    finished = finished ? finished.then(() => renderFinished.promise) : renderFinished.promise;
    const result = renderer();
    while (true) {
      const { done, value } = await result.next();
      ui.update(await value);
      if (done) break;
    }
    renderFinished.resolve();
  }

  for await (const part of parts) {
    abortSignal?.throwIfAborted();
    render(part.renderer);
  }
  await finished;
}

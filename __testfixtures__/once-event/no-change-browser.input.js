export async function nextMessage(worker, signal) {
  document.title = 'waiting';
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

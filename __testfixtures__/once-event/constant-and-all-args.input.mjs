export async function connect(socket, signal) {
  const ok = await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(true));
    socket.once('error', reject);
  });
  await new Promise((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('error', reject);
  });
  const args = await new Promise((resolve, reject) => {
    socket.once('data', (...chunks) => resolve(chunks));
    socket.once('error', reject);
  });
  return [ok, args];
}

export async function watch(targets: string[]) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  for (const target of targets) {
    await check(target);
  }
}

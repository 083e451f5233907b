export function start(signal) {
  return async () => {
    let attempts = 0;
    while (attempts++ < 5) {
      await ping();
    }
  };
}

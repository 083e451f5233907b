declare function compute(): Promise<number>;

export async function computeWithin() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await compute();
  } finally {
    clearTimeout(timer);
  }
}

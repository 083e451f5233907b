declare function compute(): Promise<number>;

// compute() takes no signal: the race stays, and its timer outlives a fast answer.
export function computeWithin(ms: number) {
  return Promise.race([compute(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('slow')), 1_000))]);
}

export async function mirror(signal: AbortSignal, linkedSignal: AbortSignal) {
  const linkedSignal2 = AbortSignal.any([signal]);
  const linkedSignal3 = AbortSignal.any([linkedSignal]);
  await Promise.all([read(linkedSignal2), read(linkedSignal3)]);
}

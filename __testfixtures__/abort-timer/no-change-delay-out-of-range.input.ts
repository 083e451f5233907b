const THIRTY_DAYS = 30 * 24 * 60 * 60 * 1000;

export async function negative(url: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), -1);
  return fetch(url, { signal: controller.signal });
}

export async function overflow(url: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 2 ** 31);
  return fetch(url, { signal: controller.signal });
}

export async function fraction(url: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000 / 3);
  return fetch(url, { signal: controller.signal });
}

export async function never(url: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), Infinity);
  return fetch(url, { signal: controller.signal });
}

export async function notANumber(url: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), NaN);
  return fetch(url, { signal: controller.signal });
}

export async function viaConstant(url: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), THIRTY_DAYS);
  return fetch(url, { signal: controller.signal });
}

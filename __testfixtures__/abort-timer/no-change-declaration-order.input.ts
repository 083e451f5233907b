export async function get(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  try {
    const response = await fetch(url, { signal: controller.signal });
    return response.status;
  } finally {
    clearTimeout(timer);
  }
  function response() {}
}

export async function usedBeforeTimer(url: string) {
  const controller = new AbortController();
  const request = () => fetch(url, { signal: controller.signal });
  const timer = setTimeout(() => controller.abort(), 3000);
  try {
    return await request();
  } finally {
    clearTimeout(timer);
  }
}

export async function hoisted(url: string) {
  const controller = new AbortController();
  warmUp();
  const timer = setTimeout(() => controller.abort(), 3000);
  try {
    return await request();
  } finally {
    clearTimeout(timer);
  }

  function request() {
    return fetch(url, { signal: controller.signal });
  }
}

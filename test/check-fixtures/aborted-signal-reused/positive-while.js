async function poll(url, init) {
  while (true) {
    init = { ...init, signal: AbortSignal.any([init.signal, AbortSignal.timeout(2000)]) };
    const res = await fetch(url, init);
    if (res.status !== 202) return res;
  }
}

module.exports = { poll };

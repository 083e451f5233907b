export interface Store {
  get(key: string, options?: { fresh?: boolean }): Promise<string>;
}

/** Typed by Store: callers through Store pass `options` where a signal would go. Reported. */
export const remoteStore: Store = {
  async get(key) {
    return (await fetch(`https://store.example.com/${key}`)).text();
  },
};

/** Untyped: its callers call it directly, so it can be threaded. */
export const api = {
  async load(id: string, signal?: AbortSignal) {
    return (await fetch(`https://api.example.com/items/${id}`, { signal })).json();
  },
};

export interface Helper {
  refresh(signal?: AbortSignal): Promise<void>;
}

/** Implements Helper without saying so: it is used as one, so Helper changes with it. */
class TokenHelper {
  async refresh(signal?: AbortSignal): Promise<void> {
    await fetch('https://auth.example.com/token', { method: 'POST', signal });
  }
}

export function createHelper(): Helper {
  return new TokenHelper();
}

/** Returned: the object's type flows to callers the pass does not follow. Reported. */
export function createPinger() {
  return {
    async ping() {
      return fetch('https://api.example.com/ping');
    },
  };
}

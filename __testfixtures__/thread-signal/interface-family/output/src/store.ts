export interface Store {
  get(key: string, signal?: AbortSignal): Promise<string>;
  put(key: string, value: string): Promise<void>;
}

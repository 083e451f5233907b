export interface Store {
  get(key: string): Promise<string>;
  put(key: string, value: string): Promise<void>;
}

import axios, { type AxiosInstance } from 'axios';

export class Catalog {
  private readonly http: AxiosInstance;

  constructor(baseURL: string) {
    this.http = axios.create({ baseURL });
  }

  async list(page: number, options: { signal?: AbortSignal } = {}) {
    const { data } = await this.http.get('/items', {
      params: { page },
      timeout: 8000, // the catalog is slow on page > 100
      signal: options.signal,
    });
    return data;
  }
}

// The part of axios' own declarations that matters here: its signal type is not the DOM's.
declare module 'axios' {
  export interface GenericAbortSignal {
    readonly aborted: boolean;
    onabort?: ((...args: any) => any) | null;
    addEventListener?: (...args: any) => any;
    removeEventListener?: (...args: any) => any;
  }
  export interface AxiosRequestConfig {
    timeout?: number;
    signal?: GenericAbortSignal;
  }
  export interface AxiosResponse<T = any> {
    data: T;
  }
  export interface AxiosInstance {
    get<T = any>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    post<T = any>(url: string, data?: any, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  }
  const axios: AxiosInstance & { create(config?: AxiosRequestConfig): AxiosInstance };
  export default axios;
}

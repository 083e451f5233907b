/** What every call of the app carries, Go-style. */
export interface Context {
  readonly signal?: AbortSignal;
  readonly requestId?: string;
}

/** An exact optional signal: a context holds one or none, never `signal: undefined`. */
export interface Context {
  readonly signal?: AbortSignal;
  readonly requestId?: string;
}

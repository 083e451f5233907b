export interface CallOptions {
  timeoutMs?: number;
  abortSignal?: AbortSignal;
}

/** A library-style API whose option is named `abortSignal`. */
export declare function callRemote(name: string, options?: CallOptions): Promise<unknown>;

export declare function poll(name: string, cancelSignal?: AbortSignal): Promise<void>;

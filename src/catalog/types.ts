/**
 * Where a signal goes in a call of a catalogued API.
 *
 * - `index`: the options object is argument `index`. Calls with fewer arguments get it appended
 *   (with `undefined` filling the gap only where `fillUndefined` says the API allows it).
 * - `after-positional`: the options object follows one optional positional argument at
 *   `minIndex` (`spawn(cmd, args?, options?)`, `http.get(url?, options?, cb?)`): it is the last
 *   argument before a trailing callback if that is an object literal or comes after `minIndex`,
 *   and is inserted after a trailing string, template, array literal or URL-like name. Anything
 *   else at `minIndex` is ambiguous and reported.
 * - `last`: the last argument if it is an object literal, else a new last argument (pipeline).
 * - `request-options`: SDK request options after the params (`create(params, { signal })`): with
 *   one argument a second is appended; with more, the last object literal holding only
 *   `optionKeys` is taken; anything else is reported.
 */
export type SignalPosition =
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'after-positional'; readonly minIndex: number }
  | { readonly kind: 'last' }
  | { readonly kind: 'request-options'; readonly optionKeys: readonly string[] };

export interface SignalSlot {
  readonly position: SignalPosition;
  /** Property that takes the signal: `signal`, `abortSignal`, `cancelSignal`, or a dotted path (`request.signal`). */
  readonly property: string;
  /** A string where the options go is an encoding (`readFile(p, 'utf8')`): it becomes `{ encoding, signal }`. */
  readonly stringIsEncoding?: boolean;
  /**
   * A function where the options go is a callback: the options are inserted before it. So is a
   * last argument named like one (`done`, `onResponse`); one named like neither is reported.
   */
  readonly callbackLast?: boolean;
  /** Missing optional arguments before the options may be passed as `undefined`. */
  readonly fillUndefined?: boolean;
  /**
   * Argument 0 may be a Fetch `Request`, whose own signal a signal in the options replaces
   * (`fetch(request, { signal })`): such a call is reported unless the Request is built here
   * without one.
   */
  readonly requestFirst?: boolean;
  /**
   * The API's typings take `null` for the signal (`signal?: AbortSignal | null`: Fetch's
   * `RequestInit`, the Stainless SDKs), so a signal that may be null goes in as it is. Elsewhere
   * (Node's `Abortable`, axios, got, ...) it goes in as `signal ?? undefined`: Node throws
   * ERR_INVALID_ARG_TYPE on null, and the typings reject it.
   */
  readonly acceptsNull?: boolean;
}

/**
 * Which calls an entry is about. A call matches when its callee resolves, through the file's
 * imports or requires (or as a global), to `module` and `path`.
 */
export interface ApiPattern {
  /**
   * Module specifier as imported; `node:` is optional for built-ins; `global` for globals; a
   * trailing `*` matches any suffix (`@aws-sdk/client-*`).
   */
  readonly module: string;
  /**
   * Path from the module object to the function, `|`-separated alternatives: `readFile`,
   * `promises.readFile`, `get|delete|head`. Empty for the module itself (`axios(config)`).
   * With `instance`, the method path on an instance; `*` matches any method chain.
   */
  readonly path: string;
  /**
   * Calls on instances the module creates: a factory path (`create`: the value of
   * `mod.create(...)`), `new` (`new mod(...)`, `new Default(...)`), or `new Name` (`new Name(...)`
   * of export Name; `*` in Name is a wildcard), or `call` (the value of `mod(...)`).
   */
  readonly instance?: string;
}

/** One signal-aware API. */
export interface CatalogEntry extends ApiPattern {
  readonly signal: SignalSlot;
  /** First version with the feature, e.g. `node 15.2`, `axios 0.22`. */
  readonly since: string;
  readonly notes?: string;
  /**
   * Short local work (a file read): ctxmod leaves it alone. No signal is passed, threaded or
   * reported for it; Go's `os.ReadFile` takes no context either. A config entry for the same calls
   * (without `local`) comes first and turns it on.
   */
  readonly local?: boolean;
}

/**
 * An API with no AbortSignal support (database drivers, mostly): `ctxmod check` reports awaited
 * calls of it in a function that has a signal, pointing to the library's own mechanism.
 */
export interface NonCancellableEntry extends ApiPattern {
  /** What to use instead, as a sentence fragment: `set statement_timeout ...`. */
  readonly instead: string;
}

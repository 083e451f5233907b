// The JSX types this case needs, without React's.
declare namespace JSX {
  type Element = unknown;
  interface IntrinsicElements {
    [name: string]: { children?: unknown };
  }
}

declare const expect: (value: unknown) => { toHaveBeenCalledWith(...args: unknown[]): void };
declare function fn<T>(): T;

// A stand-in for the module with a spy of the same name: the test pins the arguments openDiff is
// called with, so a signal passed there would fail it.
const ide = { openDiff: fn<(path: string, content: string) => Promise<Response>>() };

export async function testConfirmEdit() {
  await ide.openDiff('a.ts', 'x');
  expect(ide.openDiff).toHaveBeenCalledWith('a.ts', 'x');
}

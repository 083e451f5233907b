export function handle(request: Request) {
  return [1, 2].map((request) => ({ ...{ request } }));
}

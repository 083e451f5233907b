/** A Request of the app's own, without a signal. */
interface Request {
  path: string;
}

export async function handle(req: Request) {
  return fetch(`https://example.com${req.path}`);
}

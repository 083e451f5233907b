import { Request, Response } from 'express';

// Express' Request is a Node IncomingMessage: it has no `signal`.
export async function handler(req: Request, res: Response) {
  const r = await fetch('https://example.com');
  res.json(await r.json());
}

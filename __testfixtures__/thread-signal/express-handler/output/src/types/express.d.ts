// The slice of Express's types this case needs (its Request and Response extend Node's).
declare module 'express' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export interface Request extends IncomingMessage {
    params: Record<string, string>;
  }
  export interface Response extends ServerResponse {
    json(body: unknown): this;
  }
  export type NextFunction = (error?: unknown) => void;
  export interface Application {
    get(path: string, ...handlers: Array<(req: Request, res: Response, next: NextFunction) => unknown>): this;
  }
  export default function express(): Application;
}

import express, { type NextFunction, type Request, type Response } from 'express';
import { loadUser } from './users.js';

export const app = express();

app.get('/users/:id', async (req: Request, res: Response, next: NextFunction) => {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  try {
    res.json(await loadUser(req.params.id, controller.signal));
  } catch (error) {
    next(error);
  }
});

// A handler whose type comes from the route method, not from annotations.
app.get('/me', async (req, res) => {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  res.json(await loadUser('me', controller.signal));
});

// `controller` is taken in this body: the made one gets another name.
const controller = { audit: (id: string) => id };
app.get('/admin/:id', async (req, res) => {
  const abortController = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abortController.abort();
  });
  res.json(await loadUser(controller.audit(req.params.id), abortController.signal));
});

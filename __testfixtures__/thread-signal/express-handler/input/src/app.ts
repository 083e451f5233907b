import express, { type NextFunction, type Request, type Response } from 'express';
import { loadUser } from './users.js';

export const app = express();

app.get('/users/:id', async (req: Request, res: Response, next: NextFunction) => {
  try {
    res.json(await loadUser(req.params.id));
  } catch (error) {
    next(error);
  }
});

// A handler whose type comes from the route method, not from annotations.
app.get('/me', async (req, res) => {
  res.json(await loadUser('me'));
});

// `controller` is taken in this body: the made one gets another name.
const controller = { audit: (id: string) => id };
app.get('/admin/:id', async (req, res) => {
  res.json(await loadUser(controller.audit(req.params.id)));
});

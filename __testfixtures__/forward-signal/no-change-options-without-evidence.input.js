import { readFile } from 'node:fs/promises';

// `ctx` and `config` are a framework context and plugin settings here: nothing reads
// ctx.signal or config.signal, so neither is taken for a signal.
export async function loadTemplate(ctx, config) {
  const template = await readFile(config.templatePath, 'utf8');
  return ctx.render(template);
}

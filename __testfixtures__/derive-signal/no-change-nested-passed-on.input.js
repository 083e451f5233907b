export async function send(url, context) {
  const response = await fetch(url, { ...context.options, signal: AbortSignal.timeout(5000) });
  await context.hooks.onResponse(context.options, response);
  return response;
}

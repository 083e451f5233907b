import OpenAI from 'openai';

const client = new OpenAI();

export async function complete(prompt: string, signal: AbortSignal) {
  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
}

export async function completeWithOptions(prompt: string, signal: AbortSignal) {
  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] }, { timeout: 10_000 });
}

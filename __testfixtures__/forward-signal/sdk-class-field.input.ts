import Anthropic from '@anthropic-ai/sdk';

export class Assistant {
  private readonly client = new Anthropic();

  async ask(question: string, signal: AbortSignal) {
    return this.client.messages.create({ model: 'claude', max_tokens: 100, messages: [{ role: 'user', content: question }] });
  }
}

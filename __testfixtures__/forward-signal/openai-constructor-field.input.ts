import OpenAI from 'openai';
import axios from 'axios';

export class Assistant {
  private readonly client: OpenAI;
  private readonly http;

  constructor(apiKey: string) {
    this.client = new OpenAI({ apiKey });
    this.http = axios.create({ baseURL: 'https://logs.example.com' });
  }

  async answer(params: OpenAI.ChatCompletionCreateParams, signal: AbortSignal) {
    const completion = await this.client.chat.completions.create(params);
    await this.http.post('/answered');
    const models = await this.client.models.list();
    return { completion, models };
  }
}

import { HttpTransport, PipeTransport, type Transport } from './transport.js';

async function probePipe(pipe: PipeTransport): Promise<void> {
  await pipe.send('ping');
}

async function probeHttp(http: HttpTransport, signal?: AbortSignal): Promise<void> {
  await http.send('ping', { requestSignal: signal });
}

async function probeAny(transport: Transport, signal?: AbortSignal): Promise<void> {
  await transport.send('ping', { requestSignal: signal });
}

export async function connect(url: string, signal: AbortSignal): Promise<void> {
  await probePipe(new PipeTransport());
  await probeHttp(new HttpTransport(url), signal);
  await probeAny(new HttpTransport(url), signal);
}

import { HttpTransport, PipeTransport, type Transport } from './transport.js';

async function probePipe(pipe: PipeTransport): Promise<void> {
  await pipe.send('ping');
}

async function probeHttp(http: HttpTransport): Promise<void> {
  await http.send('ping');
}

async function probeAny(transport: Transport): Promise<void> {
  await transport.send('ping');
}

export async function connect(url: string, signal: AbortSignal): Promise<void> {
  await probePipe(new PipeTransport());
  await probeHttp(new HttpTransport(url));
  await probeAny(new HttpTransport(url));
}

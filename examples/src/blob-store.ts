/**
 * Blobs behind an interface. The handler has the request's signal, but `BlobStore.get` takes none,
 * so a client that goes away leaves the upstream download running. Fixing it means changing the
 * interface and every implementation at once: thread-signal's method families.
 */
export interface BlobStore {
  get(key: string): Promise<Uint8Array>;
}

export class HttpBlobStore implements BlobStore {
  constructor(private readonly baseUrl: string) {}

  async get(key: string): Promise<Uint8Array> {
    const response = await fetch(`${this.baseUrl}/${key}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Uint8Array>();

  async get(key: string): Promise<Uint8Array> {
    return this.blobs.get(key) ?? new Uint8Array();
  }
}

export async function serveBlob(store: BlobStore, request: Request): Promise<Response> {
  const blob = await store.get(new URL(request.url).pathname.slice(1));
  return new Response(blob);
}

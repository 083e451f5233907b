export async function report(event: unknown, signal?: AbortSignal) {
  await fetch('/telemetry', {
    method: 'POST',
    body: JSON.stringify(event),
    // Detached on purpose: telemetry must outlive the request that triggered it.
    signal: AbortSignal.timeout(10_000),
  });
}

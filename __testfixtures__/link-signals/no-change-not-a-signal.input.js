export function upload(xhr, body) {
  const controller = new AbortController();
  xhr.addEventListener('abort', () => controller.abort());
  return send(body, controller.signal);
}

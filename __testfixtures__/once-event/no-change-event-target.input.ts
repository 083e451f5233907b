export async function loaded(image: HTMLImageElement, signal: AbortSignal) {
  await new Promise((resolve, reject) => {
    image.addEventListener('load', resolve, { once: true });
    image.addEventListener('error', reject, { once: true });
  });
}

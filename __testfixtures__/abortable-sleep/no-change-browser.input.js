export async function fadeIn(element, signal) {
  element.style.opacity = '0';
  document.body.appendChild(element);
  await new Promise((resolve) => setTimeout(resolve, 16));
  element.style.opacity = '1';
}

async function pause(signal) {
  await new Promise((resolve) => setTimeout(resolve, 10));
}

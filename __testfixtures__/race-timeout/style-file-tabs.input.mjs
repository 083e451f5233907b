export async function get() {
	const res = await Promise.race([fetch('https://example.com'), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 2000))]);
	return res;
}

import { readFile } from "node:fs/promises";

export async function load(path: string, signal: AbortSignal) {
	const text = await readFile(path, "utf8");
	if (text.length === 0) {
		// Tabs count as one column each, as in an editor and the thread-signal pass.
		await new Promise((r) => setTimeout(r, 200));
	}
	return text;
}

import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

export async function load(path: string, signal: AbortSignal) {
	const text = await readFile(path, "utf8");
	if (text.length === 0) {
		// Tabs count as one column each, as in an editor and the thread-signal pass.
		await sleep(200, undefined, { signal });
	}
	return text;
}

import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

export async function load(path: string) {
	const text = await readFile(path, "utf8");
	if (text.length === 0) {
		// Tabs count as one column each, as in an editor and the thread-signal pass.
		await sleep(200);
	}
	return text;
}

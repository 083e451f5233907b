import { readFile } from "node:fs/promises";

export async function load(path, signal) {
	try {
		return await readFile(path, "utf8");
	} catch {
		return await fetch(path, {
			method: "GET",
			headers: { accept: "text/plain" },
			signal
		});
	}
}

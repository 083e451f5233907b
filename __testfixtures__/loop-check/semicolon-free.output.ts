import { readFile } from 'node:fs/promises'

export async function readAll(paths: string[], signal: AbortSignal) {
  const texts: string[] = []
  for (const path of paths) {
    texts.push(await readFile(path, { encoding: 'utf8', signal }))
  }
  let index = 0
  while (index < texts.length) {
    signal.throwIfAborted()
    ;(await Promise.resolve(texts[index])).trim()
    index++
  }
  for (const text of texts) {
    signal.throwIfAborted()
    ;(await Promise.resolve(text)).trim()
  }
  for (const text of texts) {
    signal.throwIfAborted()
    // the guard follows a comment
    ;[await Promise.resolve(text)].forEach((line) => console.log(line))
  }
  for (const text of texts) {
    signal.throwIfAborted()
    console.log(await Promise.resolve(text))
  }
  return texts
}

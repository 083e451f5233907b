import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'

async function render(name: string, signal?: AbortSignal) {
  return readFile(`./pages/${name}.html`, { encoding: 'utf8', signal })
}

export const server = createServer(async (req, res) => {
  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  ;[req.url].forEach((url) => console.log(url))
  const html = await render(req.url ?? 'index', controller.signal)
  res.end(html)
})

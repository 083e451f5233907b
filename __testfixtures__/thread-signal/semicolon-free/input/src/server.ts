import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'

async function render(name: string) {
  return readFile(`./pages/${name}.html`, 'utf8')
}

export const server = createServer(async (req, res) => {
  ;[req.url].forEach((url) => console.log(url))
  const html = await render(req.url ?? 'index')
  res.end(html)
})

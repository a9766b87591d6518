// The physical-limit baseline: bare node:http answering fixed bytes, as the endpoint under test does.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [, , bodyFile, contentType, portText] = process.argv;
const body = readFileSync(bodyFile);
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
  response.end(body);
});
server.listen(Number(portText ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

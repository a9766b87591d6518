// A small local load balancer: each incoming TCP connection goes to the next backend in turn (as an
// L4 balancer in front of stateless app processes would). argv: listenPort backendPort...
import { connect, createServer } from 'node:net';

const [, , listenText, ...backendTexts] = process.argv;
const backends = backendTexts.map(Number);
let next = 0;
const server = createServer((incoming) => {
  const port = backends[next % backends.length];
  next += 1;
  const outgoing = connect(port, '127.0.0.1');
  incoming.setNoDelay(true);
  outgoing.setNoDelay(true);
  incoming.pipe(outgoing).pipe(incoming);
  const close = () => {
    incoming.destroy();
    outgoing.destroy();
  };
  incoming.on('error', close);
  outgoing.on('error', close);
  incoming.on('close', close);
  outgoing.on('close', close);
});
server.listen(Number(listenText), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

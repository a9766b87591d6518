// Runs autocannon in its own process and prints one JSON summary line. The job comes as a JSON
// file (argv[2]):
//   { url, connections, duration | amount, maxSeconds?, overallRate?, headers?, method?, body?,
//     perConnection?: [{ headers, requests: [{ method, path, body? }] }] }
// With `perConnection`, connection i sends its own list (its own session cookie, its own ideas), in a
// loop. Latencies are kept per request so that p95 is exact (autocannon's summary has no p95).
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const latencies = [];
const statusCounts = {};
let nextConnection = 0;

const options = {
  url: job.url,
  connections: job.connections,
  headers: job.headers ?? {},
  method: job.method ?? 'GET',
  body: job.body,
  // A slow answer is measured, not cut off.
  timeout: 30,
};
// An offered rate across all connections (people who act now and then, not as fast as they can).
if (job.overallRate) options.overallRate = job.overallRate;
if (job.amount) options.amount = job.amount;
else options.duration = job.duration;
if (job.perConnection) {
  options.setupClient = (client) => {
    const own = job.perConnection[nextConnection % job.perConnection.length];
    nextConnection += 1;
    client.setRequests(
      own.requests.map((request) => ({
        method: request.method,
        path: request.path,
        headers: { ...own.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
        body: request.body ? JSON.stringify(request.body) : undefined,
      })),
    );
  };
}

const started = process.hrtime.bigint();
const instance = autocannon(options);
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
  latencies.push(responseTime);
});
// An amount of requests, but no longer than maxSeconds: what was answered by then is the result.
const stopTimer = job.maxSeconds ? setTimeout(() => instance.stop(), job.maxSeconds * 1000) : null;
const result = await new Promise((resolve, reject) => {
  instance.once('done', resolve);
  instance.once('error', reject);
});
if (stopTimer) clearTimeout(stopTimer);
const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const percentile = (p) =>
  latencies.length
    ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] * 10) / 10
    : 0;
const total = latencies.length;
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: job.amount ? total / elapsedSeconds : result.requests.average,
    stoppedEarly: Boolean(job.amount && total < job.amount),
    p50: percentile(0.5),
    p95: percentile(0.95),
    p99: percentile(0.99),
    max: percentile(1),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCounts,
    total,
    bytesPerSecond: result.throughput.average,
    elapsedSeconds,
  })}\n`,
);

// Runs autocannon in its own process against one URL and prints the summary as JSON.
import autocannon from 'autocannon';

const [, , url, connectionsText, durationText, headersJson] = process.argv;
const result = await autocannon({
  url,
  connections: Number(connectionsText),
  duration: Number(durationText),
  headers: headersJson ? JSON.parse(headersJson) : {},
});
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
  })}\n`,
);

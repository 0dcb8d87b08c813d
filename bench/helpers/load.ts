// Helper process (benchmark 5, where wrk is not installed): autocannon in a process of its own, so
// the server it measures does not share its event loop. Command `run` → requests/s and latency.
import autocannon from 'autocannon';
import type { LoadRequest, LoadResult } from '../lib/load.js';
import { serveCommands } from '../lib/processes.js';

async function run(load: LoadRequest): Promise<LoadResult> {
  let next = 0;
  const paths = load.paths;
  const result = await autocannon({
    url: load.url,
    method: load.method,
    headers: load.headers,
    ...(load.body === undefined ? {} : { body: load.body }),
    connections: load.connections,
    duration: load.seconds,
    ...(paths && paths.length > 0
      ? {
          requests: [
            {
              setupRequest: (request) => {
                request.path = paths[next++ % paths.length]!;
                return request;
              },
            },
          ],
        }
      : {}),
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

serveCommands({}, { run });

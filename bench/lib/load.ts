import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helperPath, startHelper } from './processes.js';

/** One load run: `connections` keep-alive connections for `seconds`. */
export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  /** Paths to cycle through, one per request (get-order over ids spread across the table). */
  paths?: string[];
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Latency percentiles in ms. */
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
}

/** A load generator running in processes of its own. */
export interface LoadGenerator {
  /** "wrk 4.2.0" or "autocannon 9". */
  readonly name: string;
  run(request: LoadRequest): Promise<LoadResult>;
  close(): Promise<void>;
}

/**
 * wrk when it is installed (Debian's `apt-get install wrk`: C, one thread, so it takes little of a
 * 2-core machine and finds a bare server's real limit), else autocannon (a devDependency) in a
 * process of its own. `BENCH_LOAD=autocannon` forces autocannon.
 */
export async function openLoadGenerator(): Promise<LoadGenerator> {
  const wrk = process.env['BENCH_LOAD'] === 'autocannon' ? undefined : wrkVersion();
  if (wrk) return wrkGenerator(wrk);
  const helper = await startHelper(helperPath('load.ts'));
  return {
    name: 'autocannon 9',
    run: (request) => helper.call<LoadResult>('run', request),
    close: () => helper.stop(),
  };
}

function wrkVersion(): string | undefined {
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (probe.error) return undefined;
  const match = /wrk (\S+)/.exec(`${probe.stdout}${probe.stderr}`);
  return match ? `wrk ${match[1]}` : 'wrk';
}

const lua = (text: string) => JSON.stringify(text); // a JSON string is a valid Lua string literal here

/** The Lua script wrk runs: method, headers, body, the paths to cycle through, a JSON summary. */
export function wrkScript(request: LoadRequest): string {
  const lines = [`wrk.method = ${lua(request.method)}`];
  for (const [name, value] of Object.entries(request.headers))
    lines.push(`wrk.headers[${lua(name)}] = ${lua(value)}`);
  if (request.body !== undefined) lines.push(`wrk.body = ${lua(request.body)}`);
  if (request.paths && request.paths.length > 0) {
    lines.push(
      `local paths = { ${request.paths.map(lua).join(', ')} }`,
      'local i = 0',
      'request = function()',
      '  i = i + 1',
      '  return wrk.format(nil, paths[(i % #paths) + 1])',
      'end',
    );
  }
  lines.push(
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format(\'\\n{"requests":%d,"us":%d,"failed":%d,"p50":%d,"p99":%d}\\n\',',
    '    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,',
    '    latency:percentile(50), latency:percentile(99)))',
    'end',
  );
  return `${lines.join('\n')}\n`;
}

function wrkGenerator(name: string): LoadGenerator {
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-bench-wrk-'));
  let n = 0;
  return {
    name,
    run(request) {
      const script = join(dir, `load-${n++}.lua`);
      writeFileSync(script, wrkScript(request));
      const args = [
        '-t1',
        `-c${request.connections}`,
        `-d${request.seconds}s`,
        '--timeout',
        '10s',
        '-s',
        script,
        request.url,
      ];
      return new Promise((resolve, reject) => {
        const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
        });
        child.once('error', reject);
        child.once('exit', (code) => {
          const line = out.split('\n').find((l) => l.startsWith('{"requests"'));
          if (code !== 0 || !line) return reject(new Error(`[bench] wrk exited with ${code}: ${out}`));
          const r = JSON.parse(line) as {
            requests: number;
            us: number;
            failed: number;
            p50: number;
            p99: number;
          };
          resolve({
            requestsPerSecond: r.requests / (r.us / 1e6),
            p50: r.p50 / 1000,
            p99: r.p99 / 1000,
            requests: r.requests,
            failed: r.failed,
          });
        });
      });
    },
    close() {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

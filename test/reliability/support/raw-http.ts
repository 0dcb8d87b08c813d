/**
 * An HTTP client for hostile requests: duplicate header lines, a declared length that lies, a
 * chunked upload that never ends, or bytes written straight to the socket. Answers are read as
 * status plus body (JSON when it parses); a server that hangs up after answering is fine.
 */
import { request } from 'node:http';
import { connect } from 'node:net';

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the error body field by field
  json: any;
}

export interface HostileRequest {
  /** Header values; an array sends one header line per value. */
  headers: Record<string, string | string[]>;
  body: string | Buffer;
  /** Send the body in chunks without content-length (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** POSTs through node:http, which sends arrays as repeated header lines. */
export function send(url: string, hostile: HostileRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: hostile.headers, agent: false });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: parse(text) }));
      res.on('error', reject);
    });
    // A server that refuses a body early closes while we still write: the answer already came.
    req.on('error', (error) => setTimeout(() => reject(error), 200));
    const body = Buffer.from(hostile.body);
    if (!hostile.chunked) {
      req.end(body);
      return;
    }
    const piece = 64 * 1024;
    let offset = 0;
    const writeMore = () => {
      while (offset < body.length && !req.destroyed) {
        const more = req.write(body.subarray(offset, offset + piece));
        offset += piece;
        if (!more) return void req.once('drain', writeMore);
      }
      if (!req.destroyed) req.end();
    };
    writeMore();
  });
}

/** Writes `head` (request line and headers, CRLF-separated, no final blank line) and `body` to a socket. */
export function sendRaw(url: string, head: string, body: string): Promise<Answer> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', (error) => (text ? undefined : reject(error)));
    socket.on('close', () => {
      const [statusLine = '', ...rest] = text.split('\r\n');
      const status = Number(statusLine.split(' ')[1] ?? 0);
      const bodyText = rest.slice(rest.indexOf('') + 1).join('\r\n');
      resolve({ status, json: parse(bodyText) });
    });
    socket.end(`${head.replace('{path}', pathname).replace('{host}', `${hostname}:${port}`)}\r\n\r\n${body}`);
  });
}

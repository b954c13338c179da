import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

/** One request over a kept-alive connection (lighter on the shared cores than fetch), shared by every benchmark. */
export function request(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Close the kept-alive connections, so the benchmark's process can end. */
export function closeConnections(): void {
  agent.destroy();
}

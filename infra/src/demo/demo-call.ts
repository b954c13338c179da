/** One call to the API through the gateway (or a service in-process, in tests), as the seed makes them. */
export type DemoCall = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/**
 * The two ways the seed calls the API: a call that must succeed (its body, or an error naming the
 * call and the answer), and a call naming a member that a programme learns of by event, retried
 * while it answers 422 (not known yet) for up to a minute.
 */
export function demoRequests(call: DemoCall) {
  const must = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body);
    if (res.status >= 300) throw new Error(`seed: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const onceKnown = async (method: string, path: string, body?: unknown) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await call(method, path, body);
      if (res.status < 300) return res.body;
      if (res.status !== 422 || Date.now() > deadline) throw new Error(`seed: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  return { must, onceKnown };
}

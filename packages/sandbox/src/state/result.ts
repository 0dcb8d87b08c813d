/** The outcome of asking a status machine for a transition. */
export type Transition<S> =
  | { ok: true; status: S; changed: boolean }
  | { ok: false; code: string; message: string };

export function stay<S>(status: S): Transition<S> {
  return { ok: true, status, changed: false };
}

export function move<S>(from: S, to: S): Transition<S> {
  return { ok: true, status: to, changed: from !== to };
}

export function refuse<S>(code: string, message: string): Transition<S> {
  return { ok: false, code, message };
}

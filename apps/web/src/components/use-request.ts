import { useState } from 'react';
import { ApiError } from '../api/client.ts';

/** What a failed request says: the server's detail, else the error itself. */
const detailOf = (err: unknown) => (err instanceof ApiError ? err.detail : String(err));

/**
 * A request sent from a button or a confirmation: busy while it runs, and its failure as a message (the
 * server's detail, or what `problem` makes of the error).
 */
export function useRequest() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(send: () => Promise<void>, problem: (err: unknown) => string = detailOf) {
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (err) {
      setError(problem(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}

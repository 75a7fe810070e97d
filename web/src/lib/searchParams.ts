import type { SetURLSearchParams } from 'react-router-dom';

export type ParamChanges = Record<string, string | number | null | undefined>;

/**
 * An `update(changes, resetPage = true)` for a list page's address query: empty values drop their key,
 * and any change other than the page itself goes back to the first page. It replaces the history entry.
 */
export function paramUpdater(setParams: SetURLSearchParams) {
  return (changes: ParamChanges, resetPage = true) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === undefined || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (resetPage && !('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };
}

import { type ComponentType, lazy } from 'react';
import { PageNotOnDevice } from '../offline/page-not-on-device.tsx';

/**
 * React.lazy for a module's named export (we keep named exports only). [offline] A page never opened before is
 * not on the device: without a connection its download fails, and the page says so (and loads once the
 * connection returns) instead of the app failing.
 */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => {
    try {
      return { default: (await load())[name] as ComponentType<any> };
    } catch (e) {
      if (navigator.onLine) throw e;
      return { default: PageNotOnDevice };
    }
  });
}

import { Suspense, type ComponentType } from 'react';

/**
 * A route's page that is one client component reading the URL (useSearchParams needs a Suspense boundary);
 * `props` computes its server-side props at request time.
 */
export function suspensePage<P extends object>(Component: ComponentType<P>, props?: () => P) {
  return function Page() {
    return (
      <Suspense>
        <Component {...(props ? props() : ({} as P))} />
      </Suspense>
    );
  };
}

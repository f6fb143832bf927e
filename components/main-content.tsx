import type { ReactNode } from "react";

// The skip link's target. tabIndex lets the link move keyboard focus here.
export function MainContent({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:py-12">
      {children}
    </main>
  );
}

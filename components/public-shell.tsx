import type { ReactNode } from "react";
import { MainContent } from "./main-content";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

// Header, main and footer of every public page (also used by the 404 page,
// which renders outside the (public) route group).
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <MainContent>{children}</MainContent>
      <SiteFooter />
    </>
  );
}

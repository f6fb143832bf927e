import type { Metadata } from "next";
import type { ReactNode } from "react";
import { MainContent } from "@/components/main-content";
import { StaffFooter } from "@/components/staff-footer";
import { StaffHeader } from "@/components/staff-header";

// Staff pages stay out of search engines.
export const metadata: Metadata = {
  robots: { index: false, follow: false },
};

export default function StaffLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <>
      <StaffHeader />
      <MainContent>{children}</MainContent>
      <StaffFooter />
    </>
  );
}

import type { ReactNode } from "react";
import { DashboardNav } from "./_components/dashboard-nav";

export default function DashboardLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <>
      <DashboardNav />
      {children}
    </>
  );
}

import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getStaffSession } from "@/lib/auth/session";
import { DashboardNav } from "./_components/dashboard-nav";

// A second line of defence: every page and data function checks the session
// itself, but no part of the dashboard renders for a signed-out visitor.
export default async function DashboardLayout({ children }: Readonly<{ children: ReactNode }>) {
  const session = await getStaffSession();
  if (session.status === "signedOut") redirect("/masuk");
  return (
    <>
      <DashboardNav />
      {children}
    </>
  );
}

"use client";

import { usePathname, useSearchParams } from "next/navigation";

// Tells the language switch where to send the visitor back to. It is rendered
// on the server too, so the switch works before (or without) JavaScript.
export function ReturnPathInput() {
  const pathname = usePathname();
  const query = useSearchParams().toString();

  return <input type="hidden" name="returnTo" value={query ? `${pathname}?${query}` : pathname} />;
}

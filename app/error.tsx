"use client";

import { ErrorPanel } from "@/components/error-panel";
import { MainContent } from "@/components/main-content";

// Catches errors thrown by the route-group layouts themselves; errors inside
// pages are caught closer, by app/(public)/error.tsx and app/(staff)/error.tsx.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <MainContent>
      <ErrorPanel error={error} retry={retry} />
    </MainContent>
  );
}

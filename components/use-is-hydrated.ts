"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * False on the server and during hydration, true once React runs in the browser. Forms render
 * their plain HTML version first (it must work without JavaScript) and switch to the richer
 * one only when this is true, so the first client render matches the server's.
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

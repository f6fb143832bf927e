"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** At most one renewal a minute, however busy the user is. */
const MIN_SECONDS_BETWEEN_RENEWALS = 60;
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

/**
 * The client half of the idle timeout (session-policy.ts). The session cookie expires
 * IDLE_TIMEOUT_SECONDS after it was last issued; while someone actually uses the page (a key, a
 * click, a navigation) this asks Auth.js's session endpoint for a fresh one. A tab left open
 * and untouched sends nothing and its session ends. Server components cannot set cookies, which
 * is why the renewal is a request of its own.
 */
export function SessionKeepAlive() {
  const pathname = usePathname();
  const router = useRouter();
  const lastRenewal = useRef(0);

  useEffect(() => {
    function renewIfDue() {
      const now = Date.now();
      if (now - lastRenewal.current < MIN_SECONDS_BETWEEN_RENEWALS * 1000) return;
      lastRenewal.current = now;
      fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
        .then(async (response) => {
          if (!response.ok) throw new Error(`Session renewal answered ${response.status}`);
          // The session ended while the page was open: rendering the page again sends the user to
          // sign in (every staff page checks the session), rather than letting later actions fail.
          if ((await response.json()) === null) router.refresh();
        })
        .catch(() => {
          // Offline for a moment: the next activity tries again.
          lastRenewal.current = 0;
        });
    }
    renewIfDue();
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, renewIfDue, { passive: true });
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, renewIfDue);
    };
  }, [pathname, router]);

  return null;
}

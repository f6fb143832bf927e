"use client";

import { unstable_rethrow } from "next/navigation";
import { useActionState, useRef, useState, useTransition } from "react";

type ServerAction<State> = (previous: Awaited<State>, formData: FormData) => Promise<State>;

/** The last submission made from the browser: its answer, or a token for a failure to get one. */
type ClientOutcome<State> = { state: Awaited<State>; unreachable: object | null };

/**
 * A form backed by a Server Action that works without JavaScript and, with it, never loses
 * what was typed.
 *
 * `formAction` goes on `<form action>`: without JavaScript (or before the page has hydrated)
 * the browser posts the form and the server renders the page with the action's result.
 * Once hydrated, the form's onSubmit calls `submit` instead (after its own checks and uploads).
 * That calls the same Server Action; when no answer comes back (a dropped connection, a
 * crashed server) the state stays as it was and `unreachable` is set to a new object, which
 * the form shows as a message, rather than an error page that would throw the form away.
 */
export function useProgressiveAction<State>(action: ServerAction<State>, initialState: Awaited<State>) {
  const [serverState, formAction] = useActionState(action, initialState);
  const [outcome, setOutcome] = useState<ClientOutcome<State> | null>(null);
  const [isPending, startTransition] = useTransition();
  // Set at once, before React re-renders with isPending: a double click sends the form once.
  const isSending = useRef(false);
  const state = outcome?.state ?? serverState;

  function submit(formData: FormData) {
    if (isSending.current) return;
    isSending.current = true;
    startTransition(async () => {
      let next: ClientOutcome<State>;
      try {
        next = { state: await action(state, formData), unreachable: null };
      } catch (error) {
        // A redirect answered by the action (a filed report goes to its receipt page) is a
        // navigation, not a failure: Next's router handles it.
        unstable_rethrow(error);
        next = { state, unreachable: {} };
      }
      isSending.current = false;
      startTransition(() => setOutcome(next));
    });
  }

  return { state, unreachable: outcome?.unreachable ?? null, formAction, submit, isPending };
}

import type { ReactNode } from "react";
import { NextIntlClientProvider, type Messages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { getMessages } from "next-intl/server";

/** A top-level namespace ("ReportForm") or a part of one ("Transparency.offices"). */
export type MessageNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The only way messages reach the browser. Without a `messages` prop next-intl would send the
 * whole catalogue (public site and staff dashboard) with every page, so each layout or page that
 * renders client components wraps them in this provider, naming exactly the namespaces those
 * components pass to useTranslations (the widest one where several nest). The list is written as
 * a literal where it is used: tests/unit/client-messages.test.ts reads it and fails when it misses
 * a namespace that a client component below uses, or names one that none uses. A nested provider
 * replaces its parent's messages, so a page's list covers all of the page's own client components.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessageNamespace[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickNamespaces(messages, namespaces)}>{children}</NextIntlClientProvider>;
}

type MessageTree = { [key: string]: string | MessageTree };

/** A copy of `messages` holding only the given namespaces, each at its place in the tree. */
function pickNamespaces(messages: Messages, namespaces: readonly string[]): MessageTree {
  const picked: MessageTree = {};
  for (const namespace of namespaces) {
    const parts = namespace.split(".");
    let source = messages as unknown as MessageTree;
    let target = picked;
    parts.forEach((part, index) => {
      const value = source[part];
      if (value === undefined) throw new Error(`No messages under "${namespace}"`);
      if (index === parts.length - 1 || typeof value === "string") {
        target[part] = value;
        return;
      }
      source = value;
      target = (target[part] ??= {}) as MessageTree;
    });
  }
  return picked;
}

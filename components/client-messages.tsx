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
 *
 * `rewordings` lets a page reuse another page's components with some of their words changed: each
 * entry lays the texts found under its value over the namespace named by its key (the desk
 * intake speaks to the officer with the online form's components, which speak to the citizen).
 */
export async function ClientMessages({
  namespaces,
  rewordings = {},
  children,
}: {
  namespaces: readonly MessageNamespace[];
  rewordings?: Partial<Record<MessageNamespace, MessageNamespace>>;
  children: ReactNode;
}) {
  const messages = await getMessages();
  // A copy: the rewordings must not reach the catalogue the picked namespaces still point into.
  const picked = Object.keys(rewordings).length > 0 ? structuredClone(pickNamespaces(messages, namespaces)) : pickNamespaces(messages, namespaces);
  for (const [target, source] of Object.entries(rewordings)) {
    if (source) layOver(picked, target, findSubtree(messages as unknown as MessageTree, source));
  }
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
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

function findSubtree(messages: MessageTree, namespace: string): MessageTree {
  let node: string | MessageTree | undefined = messages;
  for (const part of namespace.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "object") throw new Error(`No messages under "${namespace}"`);
  return node;
}

/** Replaces, under `namespace` of `picked`, every text that `wording` has at the same place. */
function layOver(picked: MessageTree, namespace: string, wording: MessageTree): void {
  const target = findSubtree(picked, namespace);
  const visit = (into: MessageTree, from: MessageTree) => {
    for (const [key, value] of Object.entries(from)) {
      const existing = into[key];
      if (typeof value === "string") {
        if (typeof existing === "string") into[key] = value;
      } else if (typeof existing === "object") {
        visit((into[key] = { ...existing }), value);
      }
    }
  };
  visit(target, wording);
}

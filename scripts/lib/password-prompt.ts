/**
 * Reads a password for a command-line tool without it ever being echoed, logged or passed in
 * argv (where `ps` and shell history would show it):
 * - on a terminal, from a prompt in raw mode, so the typed characters are not shown;
 * - otherwise (a pipe, a file, a secrets manager), the first line of standard input.
 * Prompts go to stderr, so stdout carries only results.
 */

export class PromptCancelledError extends Error {
  constructor() {
    super("Cancelled");
    this.name = "PromptCancelledError";
  }
}

const ENTER = new Set(["\r", "\n"]);
const CTRL_C = "\u0003";
const CTRL_D = "\u0004";
const ESCAPE = "\u001b";
const BACKSPACE = new Set(["\u007f", "\b"]);

/** Asks on the terminal with echo off; resolves on Enter, rejects with PromptCancelledError on Ctrl-C (or Ctrl-D on an empty line). */
export function promptHidden(question: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    output.write(question);
    input.setRawMode(true);
    input.setEncoding("utf8");
    input.resume();

    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
    };
    function onData(chunk: string) {
      for (const character of chunk) {
        if (ENTER.has(character)) {
          finish();
          resolve(typed.join(""));
          return;
        }
        if (character === CTRL_C || (character === CTRL_D && typed.length === 0)) {
          finish();
          reject(new PromptCancelledError());
          return;
        }
        // An arrow or function key sends an escape sequence: ignore the rest of it.
        if (character === ESCAPE) return;
        if (BACKSPACE.has(character)) typed = typed.slice(0, -1);
        else if (character >= " ") typed.push(character);
      }
    }
    input.on("data", onData);
  });
}

/** The first line of a non-terminal standard input, without its line ending; null when it is empty. */
export async function readFirstLine(input: NodeJS.ReadableStream = process.stdin): Promise<string | null> {
  let received = "";
  for await (const chunk of input) {
    received += chunk.toString();
    const end = received.indexOf("\n");
    if (end >= 0) return received.slice(0, end).replace(/\r$/, "");
  }
  return received === "" ? null : received.replace(/\r$/, "");
}

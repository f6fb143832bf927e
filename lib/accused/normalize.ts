/**
 * Text normalisation for the repeated-accused signal: what two reports written by different people
 * in Indonesian (or English) about the same officer or broker have in common once spelling is set
 * aside. Pure: no Next.js, no Prisma.
 *
 * - case, accents and punctuation are dropped ("Pak. BUDI," -> "pak budi");
 * - common abbreviations and synonyms are written one way: bpk/bapak/pak/p -> pak, ibu/bu/ib -> bu,
 *   lkt/lok/loket/counter/konter -> loket, ptgs/pegawai/staf -> petugas, makelar/joki -> calo,
 *   yg/dgn/tdk/utk/krn/sdh -> their full words (then dropped as stopwords);
 * - number forms: "no." / "nomor" / "#" are dropped before a number, number words (satu...dua
 *   puluh) and ordinals ("ketiga", "ke-3") become digits, so "Loket No. 3", "loket tiga" and
 *   "lkt ke-3" all read "loket 3";
 * - words every report shares (minta, uang, bayar, yang, di...) are stopwords.
 *
 * From the normalised words come the *identifiers* a report gives: a counter ("loket 3", also
 * meja/desk), a name after an honorific ("pak budi"), an NIP (18 digits: the civil servant number)
 * and a phone number (the broker's, as 08...).
 */

const ABBREVIATIONS: Record<string, string> = {
  bpk: "pak",
  bapak: "pak",
  pk: "pak",
  ibu: "bu",
  ib: "bu",
  mbak: "mbak",
  mba: "mbak",
  sdr: "sdr",
  saudara: "sdr",
  lkt: "loket",
  lok: "loket",
  counter: "loket",
  konter: "loket",
  desk: "meja",
  ptgs: "petugas",
  pegawai: "petugas",
  staf: "petugas",
  staff: "petugas",
  officer: "petugas",
  makelar: "calo",
  joki: "calo",
  broker: "calo",
  yg: "yang",
  dgn: "dengan",
  dg: "dengan",
  tdk: "tidak",
  gak: "tidak",
  nggak: "tidak",
  utk: "untuk",
  krn: "karena",
  sdh: "sudah",
  udh: "sudah",
  dr: "dari",
  kacamata: "kacamata",
};

const NUMBER_WORDS: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  sebelas: 11,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const STOPWORDS = new Set([
  "yang", "dan", "di", "ke", "dari", "itu", "ini", "dengan", "untuk", "saya", "kami", "ada", "tidak", "sudah", "karena", "pada", "oleh",
  "minta", "meminta", "diminta", "uang", "bayar", "membayar", "dibayar", "rp", "ribu", "rb", "juta", "jt", "agar", "supaya", "lalu", "kemudian",
  "the", "a", "an", "and", "of", "to", "at", "in", "was", "is", "he", "she", "asked", "for", "money", "pay", "me", "my", "i", "who", "with",
  "nomor", "no", "nmr", "num", "number", "orang", "tersebut", "dia", "ia", "nya", "akan", "bisa", "juga", "atau", "sebagai", "kantor", "imigrasi",
]);

const HONORIFICS = new Set(["pak", "bu", "mas", "mbak", "sdr", "mr", "mrs", "ms"]);
const COUNTER_WORDS = new Set(["loket", "meja", "ruang"]);

/** Lower case, no accents, punctuation as spaces (a hyphen or dot between letters and digits too). */
function plainText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\+62\s?/g, "0")
    .replace(/(\d)[\s.-](?=\d{3,4}\b)/g, "$1")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** "ketiga" -> "3", "ke 3" handled by the caller; other words unchanged. */
function ordinalOf(word: string): string | null {
  if (word === "pertama") return "1";
  const number = word.startsWith("ke") ? NUMBER_WORDS[word.slice(2)] : undefined;
  if (number !== undefined) return String(number);
  return null;
}

/** The words of a text, normalised (abbreviations, numbers), stopwords kept: the identifiers need their order. */
export function normalizeWords(text: string | null | undefined): string[] {
  if (!text) return [];
  const raw = plainText(text).split(" ").filter(Boolean);
  const words: string[] = [];
  for (let index = 0; index < raw.length; index += 1) {
    let word = raw[index]!;
    // "dua puluh" -> 20, "dua belas" -> 12
    const numberWord = NUMBER_WORDS[word];
    if (numberWord !== undefined && raw[index + 1] === "puluh") {
      const unit = NUMBER_WORDS[raw[index + 2] ?? ""];
      words.push(String(numberWord * 10 + (unit ?? 0)));
      index += unit === undefined ? 1 : 2;
      continue;
    }
    if (numberWord !== undefined && raw[index + 1] === "belas") {
      words.push(String(numberWord + 10));
      index += 1;
      continue;
    }
    if (word === "ke" && /^\d+$/.test(raw[index + 1] ?? "")) continue;
    word = ABBREVIATIONS[word] ?? word;
    if (word === "p" && /^[a-z]{3,}$/.test(raw[index + 1] ?? "")) word = "pak";
    const ordinal = ordinalOf(word);
    const asNumber = NUMBER_WORDS[word];
    if (ordinal) word = ordinal;
    else if (asNumber !== undefined) word = String(asNumber);
    words.push(word);
  }
  return words;
}

/** The words that describe: normalised, without stopwords, numbers and one-letter words. */
export function descriptionTokens(text: string | null | undefined): Set<string> {
  return new Set(normalizeWords(text).filter((word) => word.length > 1 && !STOPWORDS.has(word) && !/^\d+$/.test(word) && !HONORIFICS.has(word)));
}

export type AccusedIdentifiers = {
  /** "loket 3", "meja 2". */
  counters: string[];
  /** "pak budi", "bu sari": honorific and the first name after it. */
  names: string[];
  /** 18-digit civil servant numbers. */
  nips: string[];
  /** Indonesian mobile numbers as 08... */
  phones: string[];
};

export function extractIdentifiers(text: string | null | undefined): AccusedIdentifiers {
  const words = normalizeWords(text);
  const counters = new Set<string>();
  const names = new Set<string>();
  const nips = new Set<string>();
  const phones = new Set<string>();
  words.forEach((word, index) => {
    if (/^\d{18}$/.test(word)) nips.add(word);
    else if (/^(?:08|628)\d{7,11}$/.test(word)) phones.add(word.startsWith("62") ? `0${word.slice(2)}` : word);
    if (COUNTER_WORDS.has(word)) {
      const next = words.slice(index + 1, index + 3).find((candidate) => !STOPWORDS.has(candidate));
      if (next && /^(?:\d{1,3}|[a-z])$/.test(next)) counters.add(`${word} ${next}`);
    }
    if (HONORIFICS.has(word)) {
      const name = words[index + 1];
      if (name && /^[a-z]{3,}$/.test(name) && !STOPWORDS.has(name) && !COUNTER_WORDS.has(name) && name !== "petugas" && name !== "calo") names.add(`${word === "bu" || word === "mbak" || word === "mrs" || word === "ms" ? "bu" : "pak"} ${name}`);
    }
  });
  return { counters: [...counters].sort(), names: [...names].sort(), nips: [...nips].sort(), phones: [...phones].sort() };
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / (a.size + b.size - shared);
}

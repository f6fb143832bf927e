import { describe, expect, it } from "vitest";

import { groupAccusedCases, groupKeyOf, type AccusedCaseInput } from "@/lib/accused/grouping";
import { descriptionTokens, extractIdentifiers, jaccard, normalizeWords } from "@/lib/accused/normalize";

describe("Indonesian text normalisation for the accused", () => {
  it("writes counters one way: 'Loket No. 3', 'lkt ke-3', 'loket tiga' and 'counter #3' are all 'loket 3'", () => {
    for (const text of ["Loket No. 3", "lkt ke-3", "loket tiga", "counter #3", "di LOKET ketiga", "Konter nomor 3"]) {
      expect(extractIdentifiers(text).counters, text).toEqual(["loket 3"]);
    }
  });

  it("writes honorifics one way: 'Bpk. Budi', 'bapak budi' and 'Pak BUDI' name 'pak budi'; 'Ibu Sari' is 'bu sari'", () => {
    for (const text of ["Bpk. Budi", "bapak budi santoso", "Pak BUDI, berkacamata", "P. Budi"]) expect(extractIdentifiers(text).names, text).toEqual(["pak budi"]);
    expect(extractIdentifiers("Ibu Sari di meja 2").names).toEqual(["bu sari"]);
    expect(extractIdentifiers("Ibu Sari di meja 2").counters).toEqual(["meja 2"]);
  });

  it("finds an 18-digit NIP and a phone number in any common form", () => {
    expect(extractIdentifiers("NIP 198503122010121002").nips).toEqual(["198503122010121002"]);
    for (const text of ["WA 0812-3456-7890", "hp +62 812 3456 7890", "telp 081234567890"]) expect(extractIdentifiers(text).phones, text).toEqual(["081234567890"]);
  });

  it("reads number words, including 'dua belas' and 'dua puluh satu'", () => {
    expect(normalizeWords("loket dua belas")).toEqual(["loket", "12"]);
    expect(normalizeWords("meja dua puluh satu")).toEqual(["meja", "21"]);
  });

  it("leaves out words every report shares, so only describing words are compared", () => {
    expect([...descriptionTokens("Petugas yg minta uang Rp 500 ribu, pakai kacamata, rambut cepak")].sort()).toEqual(["cepak", "kacamata", "pakai", "petugas", "rambut"]);
  });

  it("measures similarity as shared words over all words", () => {
    expect(jaccard(new Set(["a", "b", "c"]), new Set(["b", "c", "d"]))).toBe(0.5);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 3));
let sequence = 0;
function report(overrides: Partial<AccusedCaseInput>): AccusedCaseInput {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`,
    officeId: 1,
    serviceId: 10,
    receivedAt: day(sequence),
    isBroker: false,
    accusedDescription: null,
    incidentPlace: null,
    description: "Saya diminta bayar lebih.",
    ...overrides,
  };
}
const options = { minReports: 3, similarity: 0.5 };

describe("grouping reports that name the same accused", () => {
  it("groups reports of one office naming the same counter with similar descriptions, differently written", () => {
    const reports = [
      report({ incidentPlace: "Loket No. 3", accusedDescription: "petugas pria berkacamata, rambut cepak, seragam biru" }),
      report({ incidentPlace: "lkt ke-3", accusedDescription: "Ptgs pria berkacamata rambut cepak" }),
      report({ incidentPlace: "loket tiga", accusedDescription: "pegawai pria, berkacamata, rambut cepak, seragam biru" }),
      report({ incidentPlace: "loket 3", accusedDescription: "perempuan berjilbab merah" }),
    ];
    const groups = groupAccusedCases(reports, options);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.caseIds).toEqual(reports.slice(0, 3).map((r) => r.id));
    expect(groups[0]!.reasons).toEqual(["counter", "description"]);
    expect(groups[0]!.shared).toEqual(["loket 3"]);
    expect(groups[0]!.key).toBe(groupKeyOf(reports.slice(0, 3).map((r) => r.id)));
  });

  it("does not group the same counter in different offices, nor fewer reports than the threshold", () => {
    const description = "petugas pria berkacamata rambut cepak";
    expect(groupAccusedCases([report({ officeId: 1, incidentPlace: "loket 3", accusedDescription: description }), report({ officeId: 2, incidentPlace: "loket 3", accusedDescription: description }), report({ officeId: 3, incidentPlace: "loket 3", accusedDescription: description })], options)).toEqual([]);
    expect(groupAccusedCases([report({ incidentPlace: "loket 3", accusedDescription: description }), report({ incidentPlace: "loket 3", accusedDescription: description })], options)).toEqual([]);
  });

  it("groups a named person within the office however the honorific is written", () => {
    const groups = groupAccusedCases([report({ accusedDescription: "Bpk. Hendra" }), report({ description: "bapak hendra membentak saya" }), report({ accusedDescription: "Pak HENDRA di ruang wawancara" })], options);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.reasons).toContain("name");
    expect(groups[0]!.shared).toContain("pak hendra");
  });

  it("groups a broker's phone number across offices", () => {
    const groups = groupAccusedCases(
      [report({ officeId: 1, isBroker: true, accusedDescription: "calo di parkiran, WA 0812-3456-7890" }), report({ officeId: 2, isBroker: true, accusedDescription: "joki hp +62 812 3456 7890" }), report({ officeId: 3, isBroker: true, accusedDescription: "makelar 081234567890" })],
      options,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.officeIds).toEqual([1, 2, 3]);
    expect(groups[0]!.reasons).toEqual(["phone"]);
  });

  it("links nothing between a thousand reports that describe different people at the same few counters", () => {
    const reports = Array.from({ length: 1000 }, (_, index) => report({ accusedDescription: `ciri${index}a ciri${index}b ciri${index}c`, incidentPlace: `loket ${index % 5}` }));
    expect(groupAccusedCases(reports, options)).toEqual([]);
  });
});
